//! Afterword's core: the postmortem document and everything about it that
//! needs no browser. The web app is a thin layer over this crate; the
//! command-line tool reuses it unchanged.

pub mod agenda;
pub mod checklist;
pub mod compare;
pub mod csv;
pub mod draft_list;
pub mod export;
pub mod field;
pub mod fixture;
pub mod followup;
pub mod ids;
pub mod import;
pub mod lint;
pub mod metrics;
pub mod model;
pub mod public;
pub mod restore;
pub mod review;
pub mod sample;
pub mod store;
pub mod sync;
pub mod template;
pub mod timeline_paste;
pub mod unknown;
pub mod words;
