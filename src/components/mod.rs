//! One component per piece of screen.

pub mod checklist;
pub mod editor;
pub mod fields;
pub mod home;
pub mod lint_panel;
pub mod lint_settings;
pub mod lint_state;
pub mod status;
