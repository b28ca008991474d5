//! One component per piece of screen.

pub mod editor;
pub mod fields;
pub mod home;
pub mod status;
