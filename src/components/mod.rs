//! One component per piece of screen.

pub mod actions;
pub mod analysis;
pub mod editor;
pub mod fields;
pub mod guided;
pub mod home;
pub mod impact;
pub mod links;
pub mod people;
pub mod prefs;
pub mod rows;
pub mod sections;
pub mod start;
pub mod status;
pub mod timeline;
pub mod times;
pub mod workflow;
