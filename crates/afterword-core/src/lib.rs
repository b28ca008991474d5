//! Afterword's core: the postmortem logic that the web app and the command
//! line share, with no browser dependency.

pub mod lint;
