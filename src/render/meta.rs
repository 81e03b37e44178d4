//! What a client report carries besides its profiles: the heading, who
//! prepared it and when. Shared by the HTML and Markdown reports.

/// The title, author and date a client report carries.
#[derive(Debug, Clone, Default)]
pub struct ReportMeta {
    /// The heading; by default "Go-to-market motion: NAME" (or "motions:
    /// N profiles").
    pub title: Option<String>,
    /// Who prepared it.
    pub author: Option<String>,
    /// When, as it should be printed (e.g. 2026-12-02).
    pub date: Option<String>,
}

impl ReportMeta {
    /// The heading of a report of `count` profiles, the first named
    /// `first`; `escape` makes input safe where the heading lands (the
    /// tool's own words need no escaping).
    pub fn heading(
        &self,
        count: usize,
        first: Option<&str>,
        escape: impl Fn(&str) -> String,
    ) -> String {
        match (&self.title, count, first) {
            (Some(title), _, _) => escape(title),
            (None, 1, Some(name)) => format!("Go-to-market motion: {}", escape(name)),
            (None, _, _) => format!("Go-to-market motions: {count} profiles"),
        }
    }

    /// "Prepared by NAME on DATE.", or as much of it as is known.
    pub fn byline(&self) -> Option<String> {
        match (&self.author, &self.date) {
            (Some(a), Some(d)) => Some(format!("Prepared by {a} on {d}.")),
            (Some(a), None) => Some(format!("Prepared by {a}.")),
            (None, Some(d)) => Some(format!("Prepared on {d}.")),
            (None, None) => None,
        }
    }
}
