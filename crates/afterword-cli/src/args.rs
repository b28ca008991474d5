//! The command line of a subcommand: each one declares its options once, in
//! a [`Spec`], and [`Spec::parse`] reads the words after the subcommand's
//! name, answers `-h`/`--help`, reports usage errors in the common form and
//! hands every option it recognises to the subcommand.

use crate::USAGE_ERROR;

/// One option: the names it answers to and whether it takes a value.
pub(crate) struct Flag<T> {
    names: &'static [&'static str],
    takes_value: bool,
    id: T,
}

impl<T: Copy> Flag<T> {
    /// An option that is present or not, such as `--check` or `-q`.
    pub(crate) const fn switch(names: &'static [&'static str], id: T) -> Self {
        Flag {
            names,
            takes_value: false,
            id,
        }
    }

    /// An option followed by its value, such as `--format md`.
    pub(crate) const fn value(names: &'static [&'static str], id: T) -> Self {
        Flag {
            names,
            takes_value: true,
            id,
        }
    }
}

/// How words that start with a dash are read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// Only words starting with `--` (and the short names an option
    /// declares) are options; a value is always the next word; any other
    /// word, `-x` included, is a file.
    Plain,
    /// Every word starting with `-` except `-` itself is an option;
    /// `--name=value` gives the value in the same word; `--` ends the
    /// options. An unknown option is quoted in the message.
    Gnu,
}

/// The files a subcommand works on.
pub(crate) enum Files {
    /// No file: the first word that is not `-h`/`--help` is refused.
    None,
    /// Exactly one; the message says what to give when it is missing.
    One(&'static str),
    /// One or more; the message says what to give when there is none.
    Many(&'static str),
}

/// Why reading the options stopped early.
pub(crate) enum Stop {
    /// A usage error: printed in the common form, exit status 2.
    Usage(String),
    /// The subcommand has done its work (`--list-rules`): this exit status.
    Exit(u8),
}

impl From<String> for Stop {
    fn from(msg: String) -> Self {
        Stop::Usage(msg)
    }
}

/// What a subcommand accepts on its command line.
pub(crate) struct Spec<T: 'static> {
    /// The subcommand's name, as in `afterword export`.
    pub command: &'static str,
    /// The text `-h`/`--help` prints.
    pub help: &'static str,
    pub syntax: Syntax,
    pub flags: &'static [Flag<T>],
    pub files: Files,
}

impl<T: Copy> Spec<T> {
    /// Reads `args`, calling `apply` with each option met (in order, with
    /// its value when it takes one), and returns the files. `Err` carries
    /// the exit status when the subcommand should stop: help was printed,
    /// a usage error was reported, or `apply` finished the work.
    pub(crate) fn parse<'a>(
        &self,
        args: &'a [String],
        mut apply: impl FnMut(T, Option<&'a str>) -> Result<(), Stop>,
    ) -> Result<Vec<&'a str>, u8> {
        // With no options, nothing can be a value: help wins wherever it is.
        if self.flags.is_empty() && args.iter().any(|a| is_help(a)) {
            return Err(self.help());
        }
        if let (Files::None, Some(extra)) = (&self.files, args.first()) {
            return Err(self.usage(&format!("unexpected argument {extra:?}")));
        }
        let mut files: Vec<&'a str> = Vec::new();
        let mut words = args.iter();
        let mut only_files = false;
        while let Some(word) = words.next() {
            let word = word.as_str();
            if only_files || !self.is_option(word) {
                if let (Files::One(_), Some(_)) = (&self.files, files.first()) {
                    return Err(self.usage("give exactly one file"));
                }
                files.push(word);
                continue;
            }
            let (name, inline) = match word.split_once('=') {
                Some((name, value)) if self.syntax == Syntax::Gnu && name.starts_with("--") => {
                    (name, Some(value))
                }
                _ => (word, None),
            };
            if self.syntax == Syntax::Gnu && name == "--" {
                only_files = true;
                continue;
            }
            if is_help(name) {
                return Err(self.help());
            }
            let Some(flag) = self.flags.iter().find(|f| f.names.contains(&name)) else {
                return Err(self.usage(&match self.syntax {
                    Syntax::Plain => format!("unknown option {name}"),
                    Syntax::Gnu => format!("unknown option {name:?}"),
                }));
            };
            let value = if flag.takes_value {
                match inline.or_else(|| words.next().map(String::as_str)) {
                    Some(value) => Some(value),
                    None => return Err(self.usage(&format!("{name} needs a value"))),
                }
            } else {
                None
            };
            match apply(flag.id, value) {
                Ok(()) => {}
                Err(Stop::Usage(msg)) => return Err(self.usage(&msg)),
                Err(Stop::Exit(code)) => return Err(code),
            }
        }
        match &self.files {
            Files::One(missing) | Files::Many(missing) if files.is_empty() => {
                Err(self.usage(missing))
            }
            _ => Ok(files),
        }
    }

    /// Whether `word` is read as an option rather than a file.
    fn is_option(&self, word: &str) -> bool {
        match self.syntax {
            Syntax::Plain => {
                is_help(word)
                    || word.starts_with("--")
                    || self.flags.iter().any(|f| f.names.contains(&word))
            }
            Syntax::Gnu => word != "-" && word.starts_with('-'),
        }
    }

    /// Prints the help text; the exit status is 0.
    fn help(&self) -> u8 {
        print!("{}", self.help);
        0
    }

    /// Reports a usage error in the common form and gives its exit status.
    pub(crate) fn usage(&self, msg: &str) -> u8 {
        let command = self.command;
        eprintln!("afterword {command}: {msg}\nRun `afterword {command} --help` for usage.");
        USAGE_ERROR
    }
}

fn is_help(word: &str) -> bool {
    word == "-h" || word == "--help"
}

/// The comma-separated items of `value`, trimmed, without empty ones.
pub(crate) fn comma_list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Opt {
        Quiet,
        Format,
    }

    const FLAGS: &[Flag<Opt>] = &[
        Flag::switch(&["-q", "--quiet"], Opt::Quiet),
        Flag::value(&["--format"], Opt::Format),
    ];

    fn spec(syntax: Syntax, files: Files) -> Spec<Opt> {
        Spec {
            command: "test",
            help: "",
            syntax,
            flags: FLAGS,
            files,
        }
    }

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    /// The options met, with their values, and the files.
    type Read = (Vec<(Opt, Option<String>)>, Vec<String>);

    /// What `spec` reads from `line`, or the exit status.
    fn run(spec: &Spec<Opt>, line: &str) -> Result<Read, u8> {
        let args = words(line);
        let mut met = Vec::new();
        let files = spec.parse(&args, |opt, value| {
            met.push((opt, value.map(str::to_owned)));
            Ok(())
        })?;
        Ok((met, files.into_iter().map(str::to_owned).collect()))
    }

    #[test]
    fn plain_options_take_the_next_word_and_dashed_words_are_files() {
        let one = spec(Syntax::Plain, Files::One("a file"));
        let (met, files) = run(&one, "-q --format --help -x").expect("parses");
        assert_eq!(
            met,
            vec![(Opt::Quiet, None), (Opt::Format, Some("--help".into()))]
        );
        assert_eq!(files, vec!["-x"]);
        assert_eq!(run(&one, "--format=md a"), Err(USAGE_ERROR));
        assert_eq!(run(&one, "a b"), Err(USAGE_ERROR));
        assert_eq!(run(&one, "--format"), Err(USAGE_ERROR));
        assert_eq!(run(&one, "-q"), Err(USAGE_ERROR));
        assert_eq!(run(&one, "a --help --bogus"), Err(0));
    }

    #[test]
    fn gnu_options_take_inline_values_and_stop_at_two_dashes() {
        let many = spec(Syntax::Gnu, Files::Many("files"));
        let (met, files) = run(&many, "--format=json - a -- -q").expect("parses");
        assert_eq!(met, vec![(Opt::Format, Some("json".into()))]);
        assert_eq!(files, vec!["-", "a", "-q"]);
        assert_eq!(run(&many, "-x a"), Err(USAGE_ERROR));
        assert_eq!(run(&many, ""), Err(USAGE_ERROR));
    }

    #[test]
    fn a_command_without_options_answers_help_anywhere() {
        let none: Spec<()> = Spec {
            command: "test",
            help: "",
            syntax: Syntax::Plain,
            flags: &[],
            files: Files::None,
        };
        let args = words("--bogus --help");
        assert_eq!(none.parse(&args, |(), _| Ok(())), Err(0));
        let args = words("--bogus");
        assert_eq!(none.parse(&args, |(), _| Ok(())), Err(USAGE_ERROR));
        assert_eq!(none.parse(&[], |(), _| Ok(())), Ok(Vec::new()));
    }
}
