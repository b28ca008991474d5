//! One component per piece of screen.

pub mod backup;
pub mod editor;
pub mod export_menu;
pub mod fields;
pub mod home;
pub mod import;
pub mod report;
pub mod status;
pub mod transfer;
