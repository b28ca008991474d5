//! Where the person is in the app: a screen and, for some, a draft.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Draft(String),
    /// Every action item and the incident trends (`#/review`).
    Review,
    /// The read-only, printable report of a draft.
    Report(String),
    /// Built-in and custom templates, and the template editor (`#/templates`).
    Templates,
    /// Connecting to the team's shared library (`#/team`).
    Team,
}

impl Route {
    pub fn from_hash(hash: &str) -> Route {
        let h = hash.trim_start_matches('#').trim_start_matches('/');
        if h == "review" {
            return Route::Review;
        }
        if h == "templates" {
            return Route::Templates;
        }
        if h == "team" {
            return Route::Team;
        }
        let report = h
            .strip_prefix("draft/")
            .and_then(|rest| rest.strip_suffix("/report"))
            .filter(|id| !id.is_empty());
        if let Some(id) = report {
            return Route::Report(id.to_owned());
        }
        match h.strip_prefix("draft/") {
            Some(id) if !id.is_empty() => Route::Draft(id.to_owned()),
            _ => Route::Home,
        }
    }
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Draft(id) => format!("#/draft/{id}"),
            Route::Review => "#/review".into(),
            Route::Report(id) => format!("#/draft/{id}/report"),
            Route::Templates => "#/templates".into(),
            Route::Team => "#/team".into(),
        }
    }
}
