//! Bringing outside material in: Markdown postmortems (Afterword's own
//! export or one written from a common template) and the messages of a chat
//! channel turned into timeline events. Every importer reads untrusted text:
//! sizes are checked first, nothing panics, and whatever cannot be read is
//! reported with its place instead of being dropped.

mod blocks;
pub mod chat;
pub mod headings;
pub mod markdown;
mod values;

pub use chat::{
    authors, read_chat, to_events, ChatExport, ChatFile, ChatFilter, ChatFormat, ChatImportError,
    ChatMessage, ChatNote, MAX_CHAT_BYTES,
};
pub use headings::{target_for_heading, SectionTarget};
pub use markdown::{
    check_markdown, import_markdown, section_key, HeadingPlacement, ImportNote, MarkdownImport,
    MarkdownImportError, MarkdownImportOptions, Placement, MAX_MARKDOWN_BYTES,
};
