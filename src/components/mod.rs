//! One component per piece of screen.

pub mod charts;
pub mod editor;
pub mod fields;
pub mod home;
pub mod review;
pub mod samples;
pub mod status;
