//! Pages and their addresses. The app routes on the URL fragment
//! (`#/section/staff`) so it works from any static host, offline, and inside
//! an iframe, and so the browser's Back and Forward move between pages.

use hr_assessment::{ItemId, SectionId};

/// Every page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Start,
    /// A question page. `item` asks to focus one question (a Change link);
    /// `from_check` sends "continue" back to the check page.
    Section {
        id: SectionId,
        item: Option<ItemId>,
        from_check: bool,
    },
    Check,
    Results,
    Method,
    Privacy,
    /// The saved assessments: list, import, export, delete.
    Assessments,
    /// Passphrase protection and quick-exit settings.
    Protect,
    /// The facilitator's team view.
    Team,
    /// A link carrying one respondent's answer code for the team view.
    TeamAdd(String),
    /// The team's findings for a shared screen, one at a time.
    TeamPresent,
    /// Consensus mode: agree one answer per statement.
    Consensus,
    /// Two saved assessments side by side.
    Compare,
    /// The open assessment's action plan.
    Plan,
    /// A link carrying answers to continue with (from an embedded page
    /// whose browser would not let it save).
    Resume(String),
    NotFound(String),
}

impl Route {
    /// Parses a fragment such as `/section/staff?from=check&item=debriefing`
    /// (with or without the leading `#`).
    pub fn parse(fragment: &str) -> Route {
        let (path, query) = path_and_query(fragment);
        let param = |name: &str| param(query, name).map(str::to_owned);
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Start,
            ["section", id] if is_id(id) => Route::Section {
                id: SectionId::new(*id),
                item: param("item").filter(|i| is_id(i)).map(ItemId::new),
                from_check: param("from").as_deref() == Some("check"),
            },
            ["check"] => Route::Check,
            ["results"] => Route::Results,
            ["method"] => Route::Method,
            ["privacy"] => Route::Privacy,
            ["assessments"] => Route::Assessments,
            ["protect"] => Route::Protect,
            ["team"] => Route::Team,
            ["team", "present"] => Route::TeamPresent,
            ["team", "add", code] if is_code(code) => Route::TeamAdd((*code).to_owned()),
            ["consensus"] => Route::Consensus,
            ["compare"] => Route::Compare,
            ["plan"] => Route::Plan,
            ["resume", code] if is_code(code) => Route::Resume((*code).to_owned()),
            _ => Route::NotFound(fragment.to_owned()),
        }
    }

    /// The fragment for this page, with the leading `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Start => "#/".to_owned(),
            Route::Section { id, item, from_check } => {
                let mut h = format!("#/section/{id}");
                let mut params = Vec::new();
                if *from_check {
                    params.push("from=check".to_owned());
                }
                if let Some(i) = item {
                    params.push(format!("item={i}"));
                }
                if !params.is_empty() {
                    h.push('?');
                    h.push_str(&params.join("&"));
                }
                h
            }
            Route::Check => "#/check".to_owned(),
            Route::Results => "#/results".to_owned(),
            Route::Method => "#/method".to_owned(),
            Route::Privacy => "#/privacy".to_owned(),
            Route::Assessments => "#/assessments".to_owned(),
            Route::Protect => "#/protect".to_owned(),
            Route::Team => "#/team".to_owned(),
            Route::TeamAdd(code) => format!("#/team/add/{code}"),
            Route::TeamPresent => "#/team/present".to_owned(),
            Route::Consensus => "#/consensus".to_owned(),
            Route::Compare => "#/compare".to_owned(),
            Route::Plan => "#/plan".to_owned(),
            Route::Resume(code) => format!("#/resume/{code}"),
            Route::NotFound(f) => format!("#{f}"),
        }
    }

    /// A plain section link.
    pub fn section(id: &SectionId) -> Route {
        Route::Section {
            id: id.clone(),
            item: None,
            from_check: false,
        }
    }
}

/// A fragment's path and query (with or without the leading `#`).
pub(crate) fn path_and_query(fragment: &str) -> (&str, &str) {
    let fragment = fragment.trim_start_matches('#');
    fragment.split_once('?').unwrap_or((fragment, ""))
}

/// A query's value for `name`, if it has one.
pub(crate) fn param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Answer codes use letters, digits, `-`, `_` and `.` (base64url); the core
/// checks the rest.
fn is_code(s: &str) -> bool {
    !s.is_empty() && s.len() <= 200 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

/// Ids in the instrument are lower-case words joined by hyphens; anything
/// else in a URL is not one of ours.
pub(crate) fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_round_trip() {
        let cases = [
            ("#/", Route::Start),
            ("", Route::Start),
            ("#/check", Route::Check),
            ("#/results", Route::Results),
            ("#/method", Route::Method),
            ("#/privacy", Route::Privacy),
            ("#/assessments", Route::Assessments),
            ("#/protect", Route::Protect),
            ("#/team", Route::Team),
            ("#/team/present", Route::TeamPresent),
            ("#/team/add/A1.abc-_", Route::TeamAdd("A1.abc-_".into())),
            ("#/consensus", Route::Consensus),
            ("#/compare", Route::Compare),
            ("#/plan", Route::Plan),
            ("#/resume/A1.xyz", Route::Resume("A1.xyz".into())),
            ("#/section/staff", Route::section(&SectionId::new("staff"))),
            (
                "#/section/staff?from=check&item=debriefing-hard-days",
                Route::Section {
                    id: SectionId::new("staff"),
                    item: Some(ItemId::new("debriefing-hard-days")),
                    from_check: true,
                },
            ),
        ];
        for (fragment, route) in cases {
            assert_eq!(Route::parse(fragment), route, "{fragment}");
            if !fragment.is_empty() {
                assert_eq!(route.href(), fragment);
            }
        }
    }

    #[test]
    fn foreign_fragments_are_not_found() {
        for f in [
            "#/section/<script>",
            "#/nowhere",
            "#/section/a/b",
            "#/section/UPPER",
            "#/team/add/<x>",
            "#/resume/",
        ] {
            assert!(matches!(Route::parse(f), Route::NotFound(_)), "{f}");
        }
        // An unknown query parameter value is ignored, not trusted.
        assert_eq!(
            Route::parse("#/section/staff?item=%3Cb%3E"),
            Route::Section {
                id: SectionId::new("staff"),
                item: None,
                from_check: false
            }
        );
    }
}
