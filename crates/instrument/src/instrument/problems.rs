//! The instrument's own check: every broken reference, duplicate id or
//! broken rule, in words. The build refuses an instrument with any
//! (`build.rs`), and so does `Instrument::from_json`.

use super::*;

impl Instrument {
    /// Every broken reference, duplicate id or broken rule, in words.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        let sources = unique(&mut p, "source", self.sources.iter().map(|s| s.id.as_str()));
        let domains = unique(&mut p, "domain", self.domains.iter().map(|d| d.id.as_str()));
        let areas = unique(&mut p, "TA area", self.ta_areas.iter().map(|a| a.id.as_str()));
        let modalities = unique(&mut p, "modality", self.modalities.iter().map(|m| m.id.as_str()));
        unique(&mut p, "constraint", self.constraints.iter().map(|c| c.id.as_str()));
        let sections = unique(&mut p, "section", self.sections.iter().map(|s| s.id.as_str()));
        unique(&mut p, "question", self.questions.iter().map(|q| q.id().as_str()));

        let t = &self.scoring;
        if !(t.barrier_to < t.facilitator_from && t.barrier_to >= -100 && t.facilitator_from <= 100) {
            p.push("scoring: barrier_to must be below facilitator_from, both within -100..=100".into());
        }
        if t.known_for_stage_percent == 0 || t.known_for_stage_percent > 100 {
            p.push("scoring: known_for_stage_percent must be 1..=100".into());
        }
        if !(t.points_strong_barrier > t.points_somewhat_barrier && t.points_somewhat_barrier > 0) {
            p.push("scoring: a strong barrier must weigh more than a somewhat barrier, both above 0".into());
        }

        for c in &self.constraints {
            for m in c.favours.iter().chain(&c.disfavours) {
                if !modalities.contains(m.as_str()) {
                    p.push(format!("constraint {}: unknown modality {m}", c.id));
                }
            }
        }
        for s in &self.sections {
            if let Some(d) = &s.domain {
                if !domains.contains(d.as_str()) {
                    p.push(format!("section {}: unknown domain {d}", s.id));
                }
            }
        }
        for q in &self.questions {
            let id = q.id();
            if !sections.contains(q.section().as_str()) {
                p.push(format!("question {id}: unknown section {}", q.section()));
            }
            if !sources.contains(q.source().as_str()) {
                p.push(format!("question {id}: unknown source {}", q.source()));
            }
            match q {
                Question::Statement(s) => {
                    if !domains.contains(s.domain.as_str()) {
                        p.push(format!("statement {id}: unknown domain {}", s.domain));
                    }
                    let page_domain = self.section(&s.section).and_then(|sec| sec.domain.as_ref());
                    if page_domain != Some(&s.domain) {
                        p.push(format!(
                            "statement {id}: its section is not the page of domain {}",
                            s.domain
                        ));
                    }
                    if s.ta.is_empty() {
                        p.push(format!("statement {id}: maps to no TA area"));
                    }
                    for a in &s.ta {
                        if !areas.contains(a.as_str()) {
                            p.push(format!("statement {id}: unknown TA area {a}"));
                        }
                    }
                    if let Some(n) = &s.national {
                        p.extend(national_problems(id, n));
                    }
                    if s.locator.trim().is_empty() {
                        p.push(format!(
                            "statement {id}: no locator (where in its source it comes from)"
                        ));
                    }
                    if let Some(v) = &s.since {
                        if version_key(v).is_none() || version_key(v) > version_key(&self.version) {
                            p.push(format!(
                                "statement {id}: since {v} is not a version up to {}",
                                self.version
                            ));
                        }
                    }
                }
                Question::SingleChoice(c) | Question::MultiChoice(c) => {
                    unique(
                        &mut p,
                        &format!("option of {id}"),
                        c.options.iter().map(|o| o.id.as_str()),
                    );
                    if c.options.is_empty() {
                        p.push(format!("question {id}: no options"));
                    }
                    if matches!(q, Question::SingleChoice(_)) && c.max.is_some() {
                        p.push(format!("question {id}: a single choice has no max"));
                    }
                    if let Some(max) = c.max {
                        if max == 0 || usize::from(max) > c.options.len() {
                            p.push(format!(
                                "question {id}: max must be between 1 and the number of options"
                            ));
                        }
                    }
                    let has_national = c.options.iter().any(|o| o.national.is_some());
                    if has_national && c.n.is_none() {
                        p.push(format!("question {id}: national shares without n"));
                    }
                }
                Question::Grid(g) => {
                    let cols = unique(
                        &mut p,
                        &format!("column of {id}"),
                        g.columns.iter().map(|c| c.id.as_str()),
                    );
                    unique(&mut p, &format!("row of {id}"), g.rows.iter().map(|r| r.id.as_str()));
                    for (what, col) in [("plan", &g.plan_column), ("offer", &g.offer_column)] {
                        if let Some(col) = col {
                            if !cols.contains(col.as_str()) {
                                p.push(format!("grid {id}: unknown {what} column {col}"));
                            }
                        }
                    }
                    for r in &g.core_rows {
                        if !g.rows.iter().any(|row| &row.id == r) {
                            p.push(format!("grid {id}: unknown core row {r}"));
                        }
                    }
                    if !g.core_rows.is_empty() && (g.offer_column.is_none() || g.plan_column.is_none()) {
                        p.push(format!("grid {id}: core rows need an offer column and a plan column"));
                    }
                    for r in &g.rows {
                        for col in r.also.keys() {
                            if !r.national.contains_key(col) || r.note.is_none() {
                                p.push(format!(
                                    "grid {id} row {}: a second figure needs the shown one and a note",
                                    r.id
                                ));
                            }
                        }
                        for (col, share) in &r.national {
                            match g.columns.iter().find(|c| &c.id == col) {
                                None => p.push(format!("grid {id} row {}: unknown column {col}", r.id)),
                                Some(c) if c.n.is_none() => {
                                    p.push(format!("grid {id} column {col}: national shares without n"))
                                }
                                Some(_) if *share > 100 => p.push(format!("grid {id} row {}: share above 100", r.id)),
                                Some(_) => {}
                            }
                        }
                        for a in &r.ta {
                            if !areas.contains(a.as_str()) {
                                p.push(format!("grid {id} row {}: unknown TA area {a}", r.id));
                            }
                        }
                    }
                }
                Question::TaAreas(l) | Question::Modalities(l) | Question::Constraints(l) => {
                    let options = self.list_options(q).len();
                    if let Some(max) = l.max {
                        if max == 0 || usize::from(max) > options {
                            p.push(format!(
                                "question {id}: max must be between 1 and the number of options"
                            ));
                        }
                    }
                }
            }
        }
        for r in &self.retired {
            if self.question(&r.id).is_some() {
                p.push(format!("retired {}: its id is a question of this version", r.id));
            }
            if version_key(&r.until).is_none_or(|k| Some(k) >= version_key(&self.version)) {
                p.push(format!("retired {}: until {} is not an earlier version", r.id, r.until));
            }
            if r.replaced_by.is_empty() {
                p.push(format!("retired {}: replaced by no statement", r.id));
            }
            for n in &r.replaced_by {
                match self.statement(n) {
                    None => p.push(format!("retired {}: replaced by unknown statement {n}", r.id)),
                    Some(s) if s.since.as_deref().and_then(version_key) <= version_key(&r.until) => p.push(format!(
                        "retired {}: its replacement {n} must be asked since a later version than {}",
                        r.id, r.until
                    )),
                    Some(_) => {}
                }
            }
        }
        unique(&mut p, "retired statement", self.retired.iter().map(|r| r.id.as_str()));
        // Every domain needs a page, and every page at least one question.
        for d in &self.domains {
            if !self.sections.iter().any(|s| s.domain.as_ref() == Some(&d.id)) {
                p.push(format!("domain {}: no section shows it", d.id));
            }
            if self.statements_in(&d.id).count() == 0 {
                p.push(format!("domain {}: no statements", d.id));
            }
        }
        for s in &self.sections {
            if self.questions_in(&s.id).next().is_none() {
                p.push(format!("section {}: no questions", s.id));
            }
        }
        p
    }
}

fn national_problems(id: &ItemId, n: &NationalStatement) -> Vec<String> {
    let mut p = Vec::new();
    let parts = [
        n.strongly_agree,
        n.somewhat_agree,
        n.somewhat_disagree,
        n.strongly_disagree,
        n.dont_know,
    ];
    let all = [parts[0], parts[1], parts[2], parts[3], parts[4], n.agree, n.disagree];
    if all.iter().flatten().any(|v| *v > 100) {
        p.push(format!("statement {id}: national share above 100"));
    }
    if n.n == 0 {
        p.push(format!("statement {id}: national n is 0"));
    }
    if parts.iter().all(Option::is_some) {
        let sum: u32 = parts.iter().flatten().map(|v| u32::from(*v)).sum();
        if !(99..=101).contains(&sum) {
            p.push(format!(
                "statement {id}: the five national shares add up to {sum}, not 100 ± 1"
            ));
        }
    }
    if n.agree.is_some() && (n.strongly_agree.is_some() || n.somewhat_agree.is_some()) {
        p.push(format!("statement {id}: give either agree or its two parts"));
    }
    if n.reported.trim().is_empty() {
        p.push(format!("statement {id}: national figure without the report's words"));
    }
    p
}

/// Collects ids, reporting duplicates and empty ids.
fn unique<'a>(problems: &mut Vec<String>, what: &str, ids: impl Iterator<Item = &'a str>) -> SortedSet<&'a str> {
    let mut seen = SortedSet::new();
    for id in ids {
        if id.is_empty() {
            problems.push(format!("a {what} has an empty id"));
        } else if !seen.insert(id) {
            problems.push(format!("{what} id {id} is used twice"));
        }
    }
    seen
}
