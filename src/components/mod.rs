//! One component per piece of screen.

pub mod actions;
pub mod analysis;
pub mod backup;
pub mod charts;
pub mod editor;
pub mod export_menu;
pub mod fields;
pub mod guided;
pub mod home;
pub mod impact;
pub mod import;
pub mod links;
pub mod people;
pub mod prefs;
pub mod report;
pub mod review;
pub mod rows;
pub mod samples;
pub mod sections;
pub mod start;
pub mod status;
pub mod timeline;
pub mod times;
pub mod transfer;
pub mod workflow;
