//! A Markdown file read into headed sections of simple blocks (paragraphs,
//! lists, tables, code, HTML), each with its line number. This is the only
//! place that talks to the Markdown parser; the rest of the import reads
//! these blocks.
//!
//! Inline markup becomes plain text: emphasis markers go, a link keeps its
//! label and address apart (so an importer can tell them apart), `<br>`
//! becomes a line break, and any other HTML stays visible text.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Lists nested deeper than this are read as text of the level above.
pub const MAX_LIST_DEPTH: usize = 16;

/// A piece of inline text: plain, or the label and address of a link.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Link {
        label: String,
        dest: String,
    },
    /// A line ending inside a paragraph: a new line for line-based reading
    /// (timelines, `Key: value` lines), a space in prose.
    SoftBreak,
}

/// Inline content as pieces.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Inline {
    pub pieces: Vec<Piece>,
}

impl Inline {
    fn push_text(&mut self, s: &str) {
        if let Some(Piece::Text(t)) = self.pieces.last_mut() {
            t.push_str(s);
        } else {
            self.pieces.push(Piece::Text(s.to_owned()));
        }
    }

    /// The text as a reader sees it: links as their label.
    pub fn text(&self) -> String {
        self.pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.as_str(),
                Piece::Link { label, .. } => label.as_str(),
                Piece::SoftBreak => "\n",
            })
            .collect()
    }

    /// Readable prose: links as `label (address)`, wrapped lines joined.
    pub fn prose(&self) -> String {
        self.render(" ")
    }

    /// Readable text that keeps link addresses (`label (address)`) and
    /// line endings.
    pub fn readable(&self) -> String {
        self.render("\n")
    }

    fn render(&self, soft: &str) -> String {
        self.pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::SoftBreak => soft.to_owned(),
                Piece::Link { label, dest } if label == dest || dest.is_empty() => label.clone(),
                Piece::Link { label, dest } if label.is_empty() => dest.clone(),
                Piece::Link { label, dest } => format!("{label} ({dest})"),
            })
            .collect()
    }

    pub fn links(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Link { label, dest } => Some((label.as_str(), dest.as_str())),
            Piece::Text(_) | Piece::SoftBreak => None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub line: usize,
    /// `Some(done)` for a task list item (`- [ ]` / `- [x]`).
    pub task: Option<bool>,
    pub inline: Inline,
    /// How deep the list holding it is (0 for a top-level list).
    pub depth: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    Paragraph(Inline),
    List(Vec<Item>),
    /// Header row first; each cell's inline content.
    Table(Vec<Vec<Inline>>),
    /// Code, quotes, HTML, rules: kept as their source text.
    Verbatim {
        what: &'static str,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub line: usize,
    pub kind: BlockKind,
    /// The block's own Markdown source.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// `None` for what comes before the first heading.
    pub heading: Option<Heading>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub line: usize,
    pub level: u8,
    pub text: String,
}

/// A note about something the reader met in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadNote {
    pub line: usize,
    pub message: String,
}

pub struct ReadFile {
    pub sections: Vec<Section>,
    pub notes: Vec<ReadNote>,
}

/// Byte offset → line number, from 1.
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// What is being collected at the moment.
enum Open {
    None,
    Heading {
        line: usize,
        level: u8,
        inline: Inline,
    },
    Paragraph {
        start: usize,
        inline: Inline,
    },
    List {
        start: usize,
        items: Vec<Item>,
        /// Items still open, innermost last (index into `items`).
        stack: Vec<usize>,
        depth: usize,
    },
    Table {
        start: usize,
        rows: Vec<Vec<Inline>>,
        cell: Inline,
    },
    Verbatim {
        start: usize,
        what: &'static str,
        nesting: usize,
    },
}

/// Reads `text` into sections. Never fails: anything unusual becomes a note.
pub fn read(text: &str) -> ReadFile {
    let lines = Lines::new(text);
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    let mut sections = vec![Section {
        heading: None,
        blocks: Vec::new(),
    }];
    let mut notes: Vec<ReadNote> = Vec::new();
    let mut open = Open::None;
    // Link being read: its address, and the inline text before it started.
    let mut link: Option<(String, Inline)> = None;
    let mut after_br = false;
    let mut deep_noted = false;
    let mut html_noted_line = 0usize;

    let source =
        |start: usize, end: usize| text.get(start..end).unwrap_or("").trim_end().to_owned();

    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        let line = lines.line_of(range.start);
        // Inline target: where text goes now.
        macro_rules! inline {
            () => {
                match &mut open {
                    Open::Heading { inline, .. } | Open::Paragraph { inline, .. } => Some(inline),
                    Open::Table { cell, .. } => Some(cell),
                    Open::List { items, stack, .. } => stack
                        .last()
                        .copied()
                        .and_then(|i| items.get_mut(i))
                        .map(|it| &mut it.inline),
                    _ => None,
                }
            };
        }
        let is_br = matches!(&event, Event::InlineHtml(h) if is_br_tag(h));
        match event {
            Event::Start(Tag::Heading { level, .. }) if matches!(open, Open::None) => {
                open = Open::Heading {
                    line,
                    level: level_number(level),
                    inline: Inline::default(),
                };
            }
            Event::End(TagEnd::Heading(_)) if matches!(open, Open::Heading { .. }) => {
                if let Open::Heading {
                    line,
                    level,
                    inline,
                } = std::mem::replace(&mut open, Open::None)
                {
                    sections.push(Section {
                        heading: Some(Heading {
                            line,
                            level,
                            text: inline.text(),
                        }),
                        blocks: Vec::new(),
                    });
                }
            }
            Event::Start(Tag::Paragraph) if matches!(open, Open::List { .. }) => {
                // A second paragraph in one list item starts a new line.
                if let Some(target) = inline!() {
                    if !target.pieces.is_empty() {
                        target.push_text("\n");
                    }
                }
            }
            Event::Start(Tag::Paragraph) if matches!(open, Open::None) => {
                open = Open::Paragraph {
                    start: range.start,
                    inline: Inline::default(),
                };
            }
            Event::End(TagEnd::Paragraph) if matches!(open, Open::Paragraph { .. }) => {
                if let Open::Paragraph { start, inline } = std::mem::replace(&mut open, Open::None)
                {
                    push_block(
                        &mut sections,
                        Block {
                            line: lines.line_of(start),
                            kind: BlockKind::Paragraph(inline),
                            source: source(start, range.end),
                        },
                    );
                }
            }
            Event::Start(Tag::List(_)) => match &mut open {
                Open::None => {
                    open = Open::List {
                        start: range.start,
                        items: Vec::new(),
                        stack: Vec::new(),
                        depth: 0,
                    }
                }
                Open::List { depth, .. } => *depth += 1,
                _ => {}
            },
            Event::End(TagEnd::List(_)) => {
                let done = match &mut open {
                    Open::List { depth: 0, .. } => true,
                    Open::List { depth, .. } => {
                        *depth -= 1;
                        false
                    }
                    _ => false,
                };
                if done {
                    if let Open::List { start, items, .. } =
                        std::mem::replace(&mut open, Open::None)
                    {
                        push_block(
                            &mut sections,
                            Block {
                                line: lines.line_of(start),
                                kind: BlockKind::List(items),
                                source: source(start, range.end),
                            },
                        );
                    }
                }
            }
            Event::Start(Tag::Item) => {
                if let Open::List {
                    items,
                    stack,
                    depth,
                    ..
                } = &mut open
                {
                    if *depth < MAX_LIST_DEPTH {
                        items.push(Item {
                            line,
                            task: None,
                            inline: Inline::default(),
                            depth: *depth,
                        });
                        stack.push(items.len() - 1);
                    } else {
                        if !deep_noted {
                            notes.push(ReadNote {
                                line,
                                message: format!(
                                    "a list nested more than {MAX_LIST_DEPTH} levels deep; the deeper levels are read as text of the item above"
                                ),
                            });
                            deep_noted = true;
                        }
                        // Keep the text with the innermost item allowed.
                        if let Some(i) = stack.last().copied() {
                            stack.push(i);
                            if let Some(it) = items.get_mut(i) {
                                it.inline.push_text("\n");
                            }
                        }
                    }
                }
            }
            Event::End(TagEnd::Item) => {
                if let Open::List { stack, .. } = &mut open {
                    stack.pop();
                }
            }
            Event::TaskListMarker(done) => {
                if let Open::List { items, stack, .. } = &mut open {
                    if let Some(it) = stack.last().copied().and_then(|i| items.get_mut(i)) {
                        it.task = Some(done);
                    }
                }
            }
            Event::Start(Tag::Table(_)) if matches!(open, Open::None) => {
                open = Open::Table {
                    start: range.start,
                    rows: Vec::new(),
                    cell: Inline::default(),
                };
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Open::Table { rows, .. } = &mut open {
                    rows.push(Vec::new());
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Open::Table { rows, cell, .. } = &mut open {
                    let cell = std::mem::take(cell);
                    if let Some(row) = rows.last_mut() {
                        row.push(cell);
                    }
                }
            }
            Event::End(TagEnd::Table) if matches!(open, Open::Table { .. }) => {
                if let Open::Table { start, rows, .. } = std::mem::replace(&mut open, Open::None) {
                    push_block(
                        &mut sections,
                        Block {
                            line: lines.line_of(start),
                            kind: BlockKind::Table(rows),
                            source: source(start, range.end),
                        },
                    );
                }
            }
            Event::Start(
                tag @ (Tag::CodeBlock(_)
                | Tag::BlockQuote(_)
                | Tag::HtmlBlock
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList
                | Tag::MetadataBlock(_)),
            ) => match &mut open {
                Open::None => {
                    let what = match tag {
                        Tag::CodeBlock(_) => "code",
                        Tag::BlockQuote(_) => "quote",
                        Tag::HtmlBlock => "HTML",
                        _ => "block",
                    };
                    if what == "HTML" {
                        notes.push(ReadNote {
                            line,
                            message: "HTML in the file is kept as plain text; it is never run or shown as markup".into(),
                        });
                        html_noted_line = line;
                    }
                    open = Open::Verbatim {
                        start: range.start,
                        what,
                        nesting: 0,
                    };
                }
                Open::Verbatim { nesting, .. } => *nesting += 1,
                _ => {}
            },
            Event::End(
                TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::HtmlBlock
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionList
                | TagEnd::MetadataBlock(_),
            ) => {
                let done = match &mut open {
                    Open::Verbatim { nesting: 0, .. } => true,
                    Open::Verbatim { nesting, .. } => {
                        *nesting -= 1;
                        false
                    }
                    _ => false,
                };
                if done {
                    if let Open::Verbatim { start, what, .. } =
                        std::mem::replace(&mut open, Open::None)
                    {
                        push_block(
                            &mut sections,
                            Block {
                                line: lines.line_of(start),
                                kind: BlockKind::Verbatim { what },
                                source: source(start, range.end),
                            },
                        );
                    }
                }
            }
            Event::Rule if matches!(open, Open::None) => {}
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(target) = inline!() {
                    let before = std::mem::take(target);
                    link = Some((dest_url.to_string(), before));
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some((dest, mut before)) = link.take() {
                    if let Some(target) = inline!() {
                        let label = target.text();
                        before.pieces.push(Piece::Link { label, dest });
                        *target = before;
                    }
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                if let Some(target) = inline!() {
                    target.push_text(&format!("(image {dest_url}) "));
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                let code = matches!(open, Open::Verbatim { .. });
                if !code {
                    if let Some(target) = inline!() {
                        target.push_text(&t);
                    }
                }
            }
            Event::InlineHtml(h) => {
                if let Some(target) = inline!() {
                    if is_br {
                        target.push_text("\n");
                    } else {
                        target.push_text(&h);
                        if html_noted_line != line {
                            notes.push(ReadNote {
                                line,
                                message: format!(
                                    "HTML ({}) is kept as plain text",
                                    h.chars().take(40).collect::<String>()
                                ),
                            });
                            html_noted_line = line;
                        }
                    }
                }
            }
            Event::Html(_) => {}
            // Afterword writes `<br>` at the end of each line, followed by a
            // newline: one line break, not two.
            Event::SoftBreak if !after_br => {
                if let Some(target) = inline!() {
                    target.pieces.push(Piece::SoftBreak);
                }
            }
            Event::HardBreak => {
                if let Some(target) = inline!() {
                    target.push_text("\n");
                }
            }
            _ => {}
        }
        after_br = is_br;
    }
    for s in &mut sections {
        if let Some(h) = &s.heading {
            if h.text.trim().is_empty() {
                notes.push(ReadNote {
                    line: h.line,
                    message: "a heading with no text; its content is kept as a section of its own"
                        .into(),
                });
            }
        }
    }
    ReadFile { sections, notes }
}

fn is_br_tag(h: &str) -> bool {
    let t = h.trim().to_ascii_lowercase();
    t == "<br>" || t == "<br/>" || t == "<br />"
}

fn push_block(sections: &mut [Section], block: Block) {
    if let Some(s) = sections.last_mut() {
        s.blocks.push(block);
    }
}

/// A block as free text for a text field: paragraphs as read, list items
/// as `- ` lines (indented by depth, `[ ]`/`[x]` kept), other blocks as
/// their source.
pub fn block_text(block: &Block) -> String {
    match &block.kind {
        BlockKind::Paragraph(inline) => inline.prose(),
        BlockKind::List(items) => items
            .iter()
            .map(|it| {
                let task = match it.task {
                    Some(true) => "[x] ",
                    Some(false) => "[ ] ",
                    None => "",
                };
                format!(
                    "{}- {task}{}",
                    "  ".repeat(it.depth),
                    it.inline.prose().trim()
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        BlockKind::Table(_) | BlockKind::Verbatim { .. } => block.source.clone(),
    }
}
