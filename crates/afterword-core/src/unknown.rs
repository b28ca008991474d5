//! Fields this version does not know, kept with the object they came in.
//!
//! A draft written by a newer Afterword, or a file edited by another tool,
//! may carry fields this build has no use for. They are not ours to drop:
//! [`keep_unknown`] copies every such field into the `extra` map of the
//! object it sat in (the document, an event, an action, a factor…), and
//! serialisation writes it back in the same place. The known field names
//! come from the types themselves, so a field added to the model is known
//! here at once.

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde_json::Value;

use crate::model::*;

/// Copies the fields of `raw` that the model does not know into the
/// matching `extra` maps of `doc`, which was read from `raw`.
pub fn keep_unknown(doc: &mut Postmortem, raw: &Value) {
    take(doc, Some(raw));
    let field = |name: &str| raw.get(name);
    list(&mut doc.participants, field("participants"));
    take(&mut doc.classification, field("classification"));
    take(&mut doc.times, field("times"));
    take(&mut doc.impact, field("impact"));
    list(
        &mut doc.impact.business_metrics,
        field("impact").and_then(|i| i.get("business_metrics")),
    );
    list(&mut doc.timeline, field("timeline"));
    let analysis = field("analysis");
    take(&mut doc.analysis, analysis);
    list(
        &mut doc.analysis.contributing_factors,
        analysis.and_then(|a| a.get("contributing_factors")),
    );
    take(
        &mut doc.analysis.four_questions,
        analysis.and_then(|a| a.get("four_questions")),
    );
    list(&mut doc.action_items, field("action_items"));
    list(&mut doc.links, field("links"));
    take(&mut doc.workflow, field("workflow"));
    list(
        &mut doc.workflow.history,
        field("workflow").and_then(|w| w.get("history")),
    );
    list(&mut doc.dismissals, field("dismissals"));
}

/// A model type that keeps the fields it does not know.
trait KeepsUnknown: for<'de> Deserialize<'de> {
    fn extra(&mut self) -> &mut Unknown;
}

macro_rules! keeps_unknown {
    ($($t:ty),+) => {$(
        impl KeepsUnknown for $t {
            fn extra(&mut self) -> &mut Unknown {
                &mut self.extra
            }
        }
    )+};
}

keeps_unknown!(
    Postmortem,
    Participant,
    Classification,
    KeyTimes,
    Impact,
    BusinessMetric,
    TimelineEvent,
    Analysis,
    ContributingFactor,
    FourQuestions,
    ActionItem,
    Link,
    Workflow,
    StatusChange,
    Dismissal
);

fn take<T: KeepsUnknown>(item: &mut T, raw: Option<&Value>) {
    let Some(Value::Object(raw)) = raw else {
        return;
    };
    let known = field_names::<T>();
    let extra = item.extra();
    for (key, value) in raw {
        if !known.contains(&key.as_str()) {
            extra.insert(key.clone(), value.clone());
        }
    }
}

/// Lists are read in order, so entry `i` of the document came from entry
/// `i` of `raw`.
fn list<T: KeepsUnknown>(items: &mut [T], raw: Option<&Value>) {
    let Some(Value::Array(raw)) = raw else {
        return;
    };
    for (item, raw) in items.iter_mut().zip(raw) {
        take(item, Some(raw));
    }
}

/// The field names `T` reads, as its derived `Deserialize` declares them.
fn field_names<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    let mut names: &'static [&'static str] = &[];
    let _ = T::deserialize(FieldNames(&mut names));
    names
}

/// A deserializer that only records the field list it is asked for.
struct FieldNames<'a>(&'a mut &'static [&'static str]);

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names recorded")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = fields;
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_fields_of_each_type() {
        let names = field_names::<TimelineEvent>();
        assert_eq!(names, ["id", "at", "kind", "text", "starred"]);
        assert!(field_names::<Postmortem>().contains(&"schema_version"));
        assert!(!field_names::<Postmortem>().contains(&"extra"));
    }
}
