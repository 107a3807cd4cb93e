//! `docs/scoring.md`, written from the code. Every table and every passage of
//! the document that states a number the code determines (the worked
//! example's tables and working, thresholds, points, counts, national
//! figures) sits in a generated block, between `<!-- generated: NAME -->`
//! and `<!-- end generated -->` with a blank line either side of its text.
//! `TEMPLATES` holds each block's wording and `values()` computes what fills
//! it in, from `worked_example()`, `Instrument::shipped()` and the scoring
//! functions. The test compares every block with the document and fails
//! naming the block and showing both; it also fails on a block the document
//! lacks and on one the generator does not know. To write the blocks into
//! the document instead:
//!
//! ```text
//! UPDATE_DOCS=1 cargo test -p hr-assessment --test method_doc
//! ```
//!
//! The prose between the blocks is hand-written; edit it in the document.
//! To change a block's wording, edit `TEMPLATES` and run the command above.
//! What the blocks say in words (that a stage starts at its threshold, that
//! a plan adds its points) is checked against what the code does by ordinary
//! assertions at the end.

mod common;
use common::*;
use hr_assessment::example::{worked_example, WORKED_EXAMPLE};
use hr_assessment::instrument::{Grid, Question, N_NOT_GIVEN};
use hr_assessment::numbers::{div_round, signed, MINUS};
use hr_assessment::recommend::{need, statement_points, Evidence, TaRecommendation};
use hr_assessment::scoring::{balance, score_answer, ItemScore};
use hr_assessment::{assess, Class, DomainId, Instrument, Polarity, Report, Responses, ScaleAnswer, Stage};
use std::ops::Range;

const DOC_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/scoring.md");
const END: &str = "<!-- end generated -->";

/// Every generated block, in document order: `== name`, then its text, with
/// `{value}` for what `values()` computes.
const TEMPLATES: &str = r#"== scale-table
{scale_table}
== polarity
Most statements are worded so that agreeing is good news ("{positive_example}").
{Negatives} are worded the other way around, and say so on screen: agreeing with
"{negative_example}" describes a barrier.
== domain-measures
For each of the {domains} domains ({domain_ids}):

- **Counts**: how many answers are facilitators, barriers and unknowns.
- **Balance**, from {lowest} to {highest}, over the *known* answers only
  (facilitators and barriers):

  balance = 100 × (sum of the scores) ÷ ({strong} × number of known answers),
  rounded to the nearest whole number (halves away from zero).

  {highest} means every known answer is a strong facilitator; {lowest} means every
  one is a strong barrier. A domain with no known answers has no balance.
- **Coverage**: the share of the domain's statements answered at all
  (I don't know included).
- **Enough answers**: a domain gets a stage only when at least {half} of its
  statements have a known answer (a facilitator or a barrier). Statements
  answered "I don't know" and statements skipped both count against it.
  With fewer, one or two answers would decide the reading, so the domain
  reads *Not enough answers*: it has no stage, cannot be the weakest link,
  and gets a "find out" (section 4). Its balance is still shown, as working.
- **Stage**:

{stage_table}
== settings-table
{settings_table}
== ta-points-table
{points_table}
== other-evidence
A service or partner checked as *planned* adds {plan} to the areas it points
to (for example, planning fentanyl test strips points to implementing
practices and to laws and policy). A core harm reduction service (naloxone,
fentanyl test strips, syringe services: the grid's `core_rows`) that is
neither provided nor planned, in a services question answered at all, adds
{missing} to the areas it points to: its absence is evidence too. Drug
checking and xylazine test strips, new rows in this version, are not core rows:
the 2022 survey has no figure for them, and where they are not yet
available or allowed their absence says little about the organization's
readiness. An area the respondent picked as wanted adds {chosen}.
== need
Areas are ranked by **need**, not by points: an area that many statements
point to would otherwise rise with their number. Need is the points as a
share of the most the same evidence could give, where every answered
statement that points to the area could give {most} (facilitators included) and
every other piece of evidence its own points, and the most is at least {most}:

  need = 100 × points ÷ most, rounded.
== ta-ties
So when every answer is the same, every area has the same need. A tie goes
to the area more respondents wanted nationally in 2022 ({national_areas};
areas without a national figure come after), then to the order of the
instrument. Each area shows its need and points and lists the answers behind
it, strongest first.
== find-out
**Find out.** When fewer than {half} of a domain's statements have a known
answer (those answered "I don't know" and those skipped both count), the
domain has no stage, and the results recommend finding out before deciding,
and say whom to ask.
== modalities
**Modalities.** The respondent's own top {top} always come first. Within
them, and among the rest, each modality is ranked by points: {favoured} for each
constraint it suits and {disfavoured} for each it fits badly (for example, travel being
difficult counts against in-person convenings); {favoured} for individualized TA and
a learning collaborative when {wide} or more domains are barriers. Ties go to
national preference ({national_modalities}; n = {modalities_n}), then to the
order of the instrument. Each modality carries a one-line reason.
== national-figures
Each of the {national} statements from the 2022 survey is shown beside the
national answers with the number of respondents (n = {n}). The report states
n = {n} for its organizational and community figures ({stated_figures}); for
the {assumed} law, policy and funding figures ({assumed_figures}) its text gives no n, so
{n} is assumed and each of those figures says so on screen. The {health_figures} figures
for "{health_text}" add up to {health_sum}%, as published; the app shows them as published and says so.
When the report gives the share for your exact answer, that share is shown;
when it gives only the agree or disagree total, that total is shown and
named as such; otherwise the report's own words are shown. Services and
partners are shown beside the national shares (services: provided n = {provided_n},
referral n = {referral_n}, planned n = {planned_n}; partners n = {partners_n}).
== two-figures
Where the report gives two figures for the same thing, both are kept in the
instrument file with a note, and the findings' figure is shown: peer support
services by referral ({peer}%, and {peer_also}% in the next sentence) and national
mail-based supply organizations planned as partners ({mail}% in the findings,
{mail_also}% in the discussion).
== frameworks
{Frameworks} readiness frameworks are cited for what they say: R = MC²
({r-mc2}: readiness is motivation times innovation-specific and general
capacity; motivation includes priority), ORIC ({oric}: change commitment
and change efficacy) and the updated CFIR ({cfir-2022}: the inner
setting's available resources, including funding).
== versions
The questionnaire has a version (`version` in the instrument file), saved with
every assessment and file. Version {version} changed or split {retired} statements of
version {earlier}. A statement whose meaning changed got a new id; the old id is
listed under `[[retired]]` with its old wording, the statements that replace
it and why. When an assessment or a file of the earlier version is opened or
imported:
== example-intro
{Answered} statements in {answered_domains} domains are answered; {blank} are left blank.
== example-answers
{answers_table}
== example-domain-working
{domain_working}
== example-domains-table
{domains_table}

{Blank} are left blank, so they too get a "find out".
== example-average
Average of the {staged} domains with a stage: ({average_terms}) ÷ {staged_n} = {average_exact}, so {average}
({average_stage} on its own).
== example-readings-table
{readings_table}
== example-weakest-link
The weakest link is {weakest} at {weakest_balance}, so the overall stage is {overall_stage}:
the organization's own readiness, though {lacking} lack answers. Its
context is a {context_stage}: payers and the funding around it, at {context_balance}. Under the
old single reading, law would have made this organization a barrier on
{law_known} known answers of {law_total}.
== example-summary-table
{summary_table}
== example-ta-working
{ta_working}

Ranked by points, as before this method, {by_points} would come first only
because {by_points_statements} answered statements point to it.
== example-ta-table
{ta_table}
"#;

// ---------------------------------------------------------------------------
// Writing the blocks
// ---------------------------------------------------------------------------

/// Every generated block: (name, the Markdown between its markers).
fn generated() -> Vec<(&'static str, String)> {
    let values = values();
    let mut used = vec![false; values.len()];
    let mut out: Vec<(&str, String)> = vec![];
    for line in TEMPLATES.lines() {
        if let Some(name) = line.strip_prefix("== ") {
            out.push((name, String::new()));
            continue;
        }
        let (name, text) = out.last_mut().expect("TEMPLATES starts with a block name");
        if !text.is_empty() {
            text.push('\n');
        }
        let mut rest = line;
        while let Some(open) = rest.find('{') {
            let close = open + rest[open..].find('}').expect("a closed {value}");
            let key = &rest[open + 1..close];
            let k = values.iter().position(|(v, _)| *v == key);
            let k = k.unwrap_or_else(|| panic!("block `{name}`: no value {{{key}}}"));
            used[k] = true;
            text.push_str(&rest[..open]);
            text.push_str(&values[k].1);
            rest = &rest[close + 1..];
        }
        text.push_str(rest);
    }
    let unused: Vec<&str> = values.iter().zip(used).filter(|(_, u)| !u).map(|(v, _)| v.0).collect();
    assert!(unused.is_empty(), "values no block uses: {unused:?}");
    for (_, text) in &mut out {
        *text = reflow(text.trim_end());
    }
    out
}

/// Paragraphs and list items filled to 76 columns, indented as they were;
/// tables as they are.
fn reflow(text: &str) -> String {
    let chunks = text.split("\n\n").map(|chunk| {
        if chunk.lines().any(|l| l.trim_start().starts_with('|')) {
            return chunk.to_owned();
        }
        let mut items: Vec<String> = vec![];
        for line in chunk.lines() {
            match items.last_mut() {
                Some(item) if !line.starts_with("- ") => item.push_str(&format!(" {}", line.trim())),
                _ => items.push(line.to_owned()),
            }
        }
        let fill_item = |item: &String| match item.strip_prefix("- ") {
            Some(rest) => fill(rest, "- ", "  "),
            None => {
                let indent = &item[..item.len() - item.trim_start().len()];
                fill(item, indent, indent)
            }
        };
        items.iter().map(fill_item).collect::<Vec<_>>().join("\n")
    });
    chunks.collect::<Vec<_>>().join("\n\n")
}

macro_rules! values {
    ($($key:literal => $value:expr),* $(,)?) => { vec![$(($key, $value.to_string())),*] };
}

/// What fills the templates in.
fn values() -> Vec<(&'static str, String)> {
    let i = Instrument::shipped();
    let th = &i.scoring;
    let strong = score_answer(SA, Polarity::Positive).1;
    let cell = |a: ScaleAnswer, p: Polarity| {
        let (class, score) = score_answer(a, p);
        format!("{}, {}", class.as_str(), signed(score))
    };
    let scale = ScaleAnswer::ALL.map(|a| {
        vec![
            a.label().to_owned(),
            cell(a, Polarity::Positive),
            cell(a, Polarity::Negative),
        ]
    });
    let negatives = i.statements().filter(|s| s.polarity == Polarity::Negative).count();
    let half = share(th.known_for_stage_percent);
    let stages = [
        (Stage::Facilitator, format!("{} or more", signed(th.facilitator_from))),
        (
            Stage::Mixed,
            format!("{} to {}", signed(th.barrier_to + 1), signed(th.facilitator_from - 1)),
        ),
        (Stage::Barrier, format!("{} or less", signed(th.barrier_to))),
        (
            Stage::NotAssessed,
            format!("fewer than {half} of the statements with a known answer"),
        ),
    ];
    let stages = table(
        &["Stage", "Balance"],
        stages.map(|(s, range)| vec![s.label().to_owned(), range]),
    );
    let settings = i.domains.iter().map(|d| {
        let other: Vec<&str> = i
            .statements_in(&d.id)
            .filter(|s| i.setting_of(s) != d.setting)
            .map(|s| s.id.as_str())
            .collect();
        let mut cell = d.setting.as_str().to_owned();
        if let Some(s) = other.first().and_then(|o| i.statement(&item(o))) {
            cell.push_str(&format!("; {}: {}", i.setting_of(s).as_str(), other.join(", ")));
        }
        vec![d.name.clone(), cell]
    });
    let points_table = [
        ("strong barrier", SD),
        ("somewhat barrier", SWD),
        ("I don't know", DK),
        ("facilitator", SA),
    ]
    .map(|(what, a)| vec![what.to_owned(), points_for(i, a).to_string()]);
    let national_areas: Vec<String> = i
        .ta_areas
        .iter()
        .filter_map(|a| a.national.map(|n| format!("{} {}%", a.id, n.share)))
        .collect();
    let top = match i.find_question(|q| matches!(q, Question::Modalities(_))) {
        Some(Question::Modalities(m)) => m.max.expect("the modalities pick has a maximum"),
        _ => panic!("no modalities question"),
    };
    let national_modalities: Vec<String> = i
        .modalities
        .iter()
        .filter_map(|m| {
            let name = if m.id.as_str() == "individual-ta" {
                "individualized TA".to_owned()
            } else {
                m.id.as_str().replace('-', " ")
            };
            m.national.map(|n| format!("{name} {}%", n.share))
        })
        .collect();
    let facts = i.national_facts();
    let health = i
        .statement(&item("health-agencies-support"))
        .and_then(|s| s.national.clone())
        .expect("national figures");
    let health = [
        health.agree,
        health.disagree,
        health.strongly_agree,
        health.somewhat_agree,
    ]
    .into_iter()
    .chain([health.somewhat_disagree, health.strongly_disagree, health.dont_know])
    .flatten()
    .map(u32::from)
    .collect::<Vec<_>>();
    let column_n = |grid_id: &str, col: &str| {
        let c = grid(i, grid_id).columns.iter().find(|c| c.id.as_str() == col);
        c.and_then(|c| c.n)
            .unwrap_or_else(|| panic!("no n for {grid_id} {col}"))
    };
    assert_eq!(
        column_n("partners", "now"),
        column_n("partners", "planned"),
        "one n for the partners"
    );
    let also = |grid_id: &str, row: &str, col: &str| {
        let r = grid(i, grid_id).rows.iter().find(|r| r.id.as_str() == row).expect(row);
        (
            r.national.get(&opt(col)).copied().expect(row),
            r.also.get(&opt(col)).copied().expect(row),
        )
    };
    let (peer, peer_also) = also("services", "peer-support", "referral");
    let (mail, mail_also) = also("partners", "mail-based-supply", "planned");
    let cited = |id: &str| {
        let citation = &i.source(&id.into()).expect(id).citation;
        let year = citation.split_once(" (").and_then(|(_, y)| y.get(..4)).expect(id);
        format!("{} et al., {year}", citation.split(',').next().unwrap())
    };
    let mut earlier: Vec<&str> = i.retired.iter().map(|r| r.until.as_str()).collect();
    earlier.dedup();
    let mut v = values![
        "scale_table" => table(&["Answer", "Statement worded positively", "Statement worded the other way around"], scale),
        "positive_example" => text_of(i, "leadership-supports"),
        "Negatives" => capital(&word(negatives)),
        "negative_example" => text_of(i, "abstinence-only-payers"),
        "domains" => word(i.domains.len()),
        "domain_ids" => i.domains.iter().map(|d| d.id.as_str()).collect::<Vec<_>>().join(", "),
        "lowest" => signed(balance(-strong, 1).unwrap()),
        "highest" => signed(balance(strong, 1).unwrap()),
        "strong" => strong,
        "half" => half,
        "stage_table" => stages.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n"),
        "settings_table" => table(&["Domain", "Setting"], settings),
        "points_table" => table(&["Answer", "Points"], points_table),
        "plan" => points(th.points_plan),
        "missing" => points(th.points_missing_service),
        "chosen" => points(th.points_chosen_area),
        "most" => th.points_strong_barrier,
        "national_areas" => national_areas.join(", "),
        "top" => word(top),
        "favoured" => signed(th.modality_favoured),
        "disfavoured" => signed(th.modality_disfavoured),
        "wide" => word(th.wide_change_barrier_domains),
        "national_modalities" => national_modalities.join(", "),
        "modalities_n" => facts.modalities_n.expect("national modality shares"),
        "national" => word(facts.statements),
        "n" => facts.n,
        "stated_figures" => figures(i, false),
        "assumed" => word(facts.n_assumed),
        "assumed_figures" => figures(i, true),
        "health_figures" => word(health.len()),
        "health_text" => text_of(i, "health-agencies-support"),
        "health_sum" => health.iter().sum::<u32>(),
        "provided_n" => column_n("services", "direct"),
        "referral_n" => column_n("services", "referral"),
        "planned_n" => column_n("services", "planned"),
        "partners_n" => column_n("partners", "now"),
        "peer" => peer,
        "peer_also" => peer_also,
        "mail" => mail,
        "mail_also" => mail_also,
        "Frameworks" => "Three",
        "r-mc2" => cited("r-mc2"),
        "oric" => cited("oric"),
        "cfir-2022" => cited("cfir-2022"),
        "version" => i.version,
        "retired" => word(i.retired.len()),
        "earlier" => list(&earlier.iter().map(|e| e.to_string()).collect::<Vec<_>>()),
    ];
    v.extend(example_values(i, &assess(i, &worked_example())));
    v
}

/// The figures of the report the national statements cite ("Figures 7 and
/// 8"), those whose n the report gives or (`assumed`) those whose n it does not.
fn figures(i: &Instrument, assumed: bool) -> String {
    let mut numbers: Vec<u32> = i
        .statements()
        .filter(|s| {
            s.national
                .as_ref()
                .is_some_and(|n| n.note.as_ref().is_some_and(|t| t.contains(N_NOT_GIVEN)) == assumed)
        })
        .filter_map(|s| {
            let rest = &s.locator[s.locator.find("Figure ")? + "Figure ".len()..];
            rest[..rest.find(|c: char| !c.is_ascii_digit())?].parse().ok()
        })
        .collect();
    numbers.sort();
    numbers.dedup();
    let s = if numbers.len() == 1 { "" } else { "s" };
    format!(
        "Figure{s} {}",
        list(&numbers.iter().map(u32::to_string).collect::<Vec<_>>())
    )
}

/// The points one answer to a positively worded statement adds to its areas.
fn points_for(i: &Instrument, answer: ScaleAnswer) -> u32 {
    let (class, score) = score_answer(answer, Polarity::Positive);
    let (item, domain) = (item("adequate-funding"), "funding".into());
    statement_points(
        i,
        &ItemScore {
            item,
            domain,
            answer,
            polarity: Polarity::Positive,
            class,
            score,
        },
    )
}

fn example_values(i: &Instrument, r: &Report) -> Vec<(&'static str, String)> {
    let name = |id: &DomainId| i.domain(id).map_or_else(|| id.to_string(), |d| d.name.clone());
    let none = |b: Option<i32>| b.map_or("none".to_owned(), signed);
    let blank: Vec<String> = r
        .domains
        .iter()
        .filter(|d| d.answered() == 0)
        .map(|d| d.domain.to_string())
        .collect();
    assert!(
        blank.len() > 1 && r.domains.iter().all(|d| d.answered() > 0 || d.find_out),
        "the text says so"
    );
    let answers = WORKED_EXAMPLE.iter().map(|(id, answer)| {
        let s = r.item(&item(id)).unwrap_or_else(|| panic!("{id} is not in the report"));
        assert_eq!(s.answer, *answer);
        let (answer, class) = (answer.label().to_owned(), s.class.label().to_owned());
        vec![name(&s.domain), id.to_string(), answer, class, signed(s.score)]
    });
    let domains = r.domains.iter().map(|d| {
        let counts = [d.facilitators, d.barriers, d.unknowns].map(|c| c.to_string());
        let find_out = if d.find_out { "yes" } else { "no" };
        let rest = [
            signed(d.sum),
            none(d.balance),
            format!("{}%", d.coverage),
            d.stage.label().to_owned(),
        ];
        [
            vec![name(&d.domain)],
            counts.to_vec(),
            rest.to_vec(),
            vec![find_out.to_owned()],
        ]
        .concat()
    });
    let staged: Vec<i64> = r
        .domains
        .iter()
        .filter(|d| d.stage != Stage::NotAssessed)
        .filter_map(|d| d.balance.map(i64::from))
        .collect();
    let terms: Vec<String> = staged
        .iter()
        .enumerate()
        .map(|(k, b)| match k {
            0 => plain(*b),
            _ if *b < 0 => format!("{MINUS} {}", -b),
            _ => format!("+ {b}"),
        })
        .collect();
    let readings = [&r.overall.organization, &r.overall.context]
        .into_iter()
        .flat_map(|reading| {
            reading.parts.iter().map(|p| {
                let (known, total) = (p.known().to_string(), p.total.to_string());
                let rest = vec![signed(p.sum), none(p.balance), p.stage.label().to_owned()];
                [
                    vec![reading.setting.as_str().to_owned(), name(&p.domain), known, total],
                    rest,
                ]
                .concat()
            })
        });
    let (org, context) = (&r.overall.organization, &r.overall.context);
    let weakest = org.weakest.as_ref().expect("the example has a weakest link");
    let context_weakest = context.weakest.as_ref().expect("and one in its context");
    assert_eq!(context_weakest.as_str(), "funding", "the text speaks of payers");
    let setting_of = |d: &DomainId| i.domain(d).map(|x| x.setting);
    let lacking: Vec<String> = org
        .lacking
        .iter()
        .filter(|d| setting_of(d) == Some(org.setting))
        .map(|d| d.to_string())
        .collect();
    let law = r.domain(&"law".into()).expect("law");
    let lowest = r.domains.iter().filter_map(|d| d.balance).min();
    let law_is_a_barrier = Stage::of_balance(law.balance, &i.scoring) == Stage::Barrier;
    assert!(
        law.balance == lowest && law_is_a_barrier,
        "the text: law would have made it a barrier"
    );
    let name_of = |d: Option<&DomainId>| d.map_or("none".to_owned(), name);
    let summary = [
        ("Average balance", none(r.overall.average)),
        ("Weakest link", name_of(org.weakest.as_ref())),
        ("Overall stage", r.overall.stage.label().to_owned()),
        ("Context stage", context.stage.label().to_owned()),
        ("Context weakest link", name_of(context.weakest.as_ref())),
    ];
    let ta = r.ta_areas.iter().enumerate().map(|(rank, a)| {
        let (points, possible) = (a.points.to_string(), a.possible.to_string());
        vec![
            (rank + 1).to_string(),
            a.area.to_string(),
            points,
            possible,
            format!("{}%", a.need),
        ]
    });
    let by_points = r.ta_areas.iter().max_by_key(|t| t.points).expect("TA areas");
    assert_ne!(
        by_points.area, r.ta_areas[0].area,
        "the text: ranked by points, another area comes first"
    );
    let by_points_statements = by_points
        .evidence
        .iter()
        .filter(|e| matches!(e, Evidence::Statement { .. }))
        .count()
        + by_points.facilitators as usize;
    values![
        "Answered" => capital(&word(WORKED_EXAMPLE.len())),
        "answered_domains" => word(r.domains.iter().filter(|d| d.answered() > 0).count()),
        "blank" => list(&blank),
        "Blank" => capital(&list(&blank)),
        "answers_table" => table(&["Domain", "Statement", "Answer", "Class", "Score"], answers),
        "domain_working" => domain_working(i, r),
        "domains_table" => table(
            &["Domain", "Facilitators", "Barriers", "Unknowns", "Sum", "Balance", "Coverage", "Stage", "Find out"],
            domains,
        ),
        "staged" => word(staged.len()),
        "average_terms" => terms.join(" "),
        "staged_n" => staged.len(),
        "average_exact" => quotient(staged.iter().sum(), staged.len().max(1) as i64),
        "average" => none(r.overall.average),
        "average_stage" => r.overall.average_stage.label(),
        "readings_table" => table(&["Reading", "Domain", "Known", "Statements", "Sum", "Balance", "Stage"], readings),
        "weakest" => name(weakest),
        "weakest_balance" => none(org.part(weakest).and_then(|p| p.balance)),
        "overall_stage" => r.overall.stage.label(),
        "lacking" => list(&lacking),
        "context_stage" => context.stage.label(),
        "context_balance" => none(context.part(context_weakest).and_then(|p| p.balance)),
        "law_known" => word(law.known()),
        "law_total" => word(law.total),
        "summary_table" => table(&["Reading", "Value"], summary.map(|(k, v)| vec![k.to_owned(), v])),
        "ta_working" => ta_working(r),
        "by_points" => by_points.area,
        "by_points_statements" => word(by_points_statements),
        "ta_table" => table(&["Rank", "TA area", "Points", "Possible", "Need"], ta),
    ]
}

/// One bullet per domain with a balance: the division, the rounding, and
/// why a domain without enough answers has no stage.
fn domain_working(i: &Instrument, r: &Report) -> String {
    let mut bullets = vec![];
    for d in r.domains.iter().filter(|d| d.balance.is_some()) {
        let name = i
            .domain(&d.domain)
            .map_or_else(|| d.domain.to_string(), |x| x.name.clone());
        let (num, den) = (100 * i64::from(d.sum), 2 * i64::from(d.known()));
        let exact = if num % den == 0 {
            String::new()
        } else {
            format!("{}, so ", quotient(num, den))
        };
        let (sum, known, stage) = (signed(d.sum), d.known(), d.stage.label());
        let balance = signed(d.balance.unwrap());
        let mut text = format!(
            "{name}: sum {sum} over {known} known answers: 100 × {} ÷ {den} = {exact}**{balance}**, {stage}.",
            plain(d.sum.into())
        );
        if d.stage == Stage::NotAssessed {
            let skipped = (d.total - d.answered()) as usize;
            let why = [(d.unknowns as usize, "\"I don't know\""), (skipped, "left blank")];
            let why: Vec<String> = why
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, w)| format!("{} {w}", count_are(*n)))
                .collect();
            let (known, total, half) = (word(known), word(d.total), share(i.scoring.known_for_stage_percent));
            text.push_str(&format!(
                " Only {known} of its {total} statements have a known answer, fewer than {half}, so {name} has no \
                 stage and gets a \"find out\" recommendation ({}).",
                why.join(", ")
            ));
        }
        bullets.push(format!("- {text}"));
    }
    bullets.join("\n")
}

/// The first three areas worked through, then how ties were broken.
fn ta_working(r: &Report) -> String {
    let area = |t: &TaRecommendation| {
        let (mut parts, mut unknown) = (vec![], vec![]);
        for e in &t.evidence {
            let (what, points) = match e {
                Evidence::Statement {
                    item,
                    class: Class::Unknown,
                    points,
                    ..
                } => {
                    unknown.push((format!("{item} ({points})"), *points));
                    continue;
                }
                Evidence::Statement {
                    item,
                    strength: 2,
                    points,
                    ..
                } => (format!("{item} (strong barrier, "), points),
                Evidence::Statement { item, points, .. } => (format!("{item} ("), points),
                Evidence::Plan { row, points, .. } => (format!("a planned {row} ("), points),
                Evidence::Missing { row, points, .. } => (format!("{row}, not provided ("), points),
                Evidence::Chosen { points } => ("the respondent's choice (".to_owned(), points),
            };
            parts.push(format!("{what}{points})"));
        }
        match unknown.as_slice() {
            [] => {}
            [(one, _)] => parts.push(one.clone()),
            [(_, each), ..] => parts.push(format!(
                "{} \"I don't know\" answers ({each} each)",
                word(unknown.len())
            )),
        }
        let facilitators = match t.facilitators {
            0 => String::new(),
            1 => " (one of its answered statements is a facilitator)".to_owned(),
            n => format!(" ({} of its answered statements are facilitators)", word(n)),
        };
        format!(
            "The {} area collects {}: {} of {} possible{facilitators}, a need of {}%.",
            t.area,
            list(&parts),
            points(t.points),
            t.possible,
            t.need
        )
    };
    let mut sentences: Vec<String> = r.ta_areas.iter().take(3).map(area).collect();
    for tie in r.ta_areas.chunk_by(|a, b| a.need == b.need).filter(|g| g.len() > 1) {
        let ids = |national: bool| -> Vec<String> {
            tie.iter()
                .filter(|t| t.national.is_some() == national)
                .map(|t| t.area.to_string())
                .collect()
        };
        let order = match (ids(true).as_slice(), ids(false).as_slice()) {
            ([], _) => "none has a national figure, so they keep the instrument's order".to_owned(),
            ([a], [b]) => format!("{a} has a national figure and {b} none, so {a} comes first"),
            _ => "they go by national demand, then by the instrument's order".to_owned(),
        };
        sentences.push(format!(
            "{} areas tie at {}% need; {order}.",
            capital(&word(tie.len())),
            tie[0].need
        ));
    }
    sentences.join(" ")
}

// ---------------------------------------------------------------------------
// Words and tables
// ---------------------------------------------------------------------------

fn word(n: impl TryInto<usize>) -> String {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let n = n.try_into().unwrap_or(usize::MAX);
    WORDS.get(n).map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

fn capital(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_ascii_uppercase().to_string() + c.as_str())
}

/// A number as the first term of a sum or after "×": "50", "−5".
fn plain(n: i64) -> String {
    if n < 0 {
        format!("{MINUS}{}", -n)
    } else {
        n.to_string()
    }
}

/// `num ÷ den` as the document writes a quotient: "20", or "−83.3".
fn quotient(num: i64, den: i64) -> String {
    if num % den == 0 {
        return plain(num / den);
    }
    let t = div_round(10 * num, den);
    let sign = if t < 0 { MINUS.to_string() } else { String::new() };
    format!("{sign}{}.{}", t.abs() / 10, t.abs() % 10)
}

/// "a", "a and b", "a, b and c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn points(n: u32) -> String {
    format!("{n} point{}", if n == 1 { "" } else { "s" })
}

/// "one is", "five are".
fn count_are(n: usize) -> String {
    format!("{} {}", word(n), if n == 1 { "is" } else { "are" })
}

/// The share of a domain's statements a stage needs, in words.
fn share(percent: u32) -> String {
    match percent {
        50 => "half".to_owned(),
        p => format!("{p}%"),
    }
}

/// `text` filled to 76 columns; the first line starts with `first`, the
/// others with `rest`. No line starts with what Markdown would read as a
/// list item or a heading.
fn fill(text: &str, first: &str, rest: &str) -> String {
    let opens_block = |w: &str| {
        matches!(w, "-" | "+" | "*" | ">" | "=")
            || w.starts_with(['#', '|'])
            || (w.len() > 1 && w.ends_with(['.', ')']) && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit()))
    };
    let (mut lines, mut line) = (vec![], first.to_owned());
    for (k, w) in text.split_whitespace().enumerate() {
        if k > 0 && line.chars().count() + 1 + w.chars().count() > 76 && !opens_block(w) {
            lines.push(std::mem::replace(&mut line, rest.to_owned()));
        } else if k > 0 {
            line.push(' ');
        }
        line.push_str(w);
    }
    lines.push(line);
    lines.join("\n")
}

fn table(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let line = |cells: &[String]| format!("| {} |", cells.join(" | "));
    let mut out = vec![line(&header.iter().map(|h| h.to_string()).collect::<Vec<_>>())];
    out.push(format!("|{}", "---|".repeat(header.len())));
    out.extend(rows.into_iter().map(|r| line(&r)));
    out.join("\n")
}

fn text_of(i: &Instrument, id: &str) -> String {
    i.statement(&item(id)).expect(id).text.trim_end_matches('.').to_owned()
}

fn grid<'a>(i: &'a Instrument, id: &str) -> &'a Grid {
    match i.question(&item(id)) {
        Some(Question::Grid(g)) => g,
        _ => panic!("no grid {id}"),
    }
}

// The blocks in the document
// ---------------------------------------------------------------------------

/// A generated block: its name and the text between its two marker lines.
struct Block {
    name: String,
    inner: Range<usize>,
}

/// The generated blocks of `doc`, or what is wrong with their markers.
fn blocks(doc: &str) -> Result<Vec<Block>, String> {
    let mut out = vec![];
    let mut open: Option<(String, usize, usize)> = None;
    let mut offset = 0;
    for (k, line) in doc.split_inclusive('\n').enumerate() {
        let t = line.trim();
        if let Some(name) = t.strip_prefix("<!-- generated: ").and_then(|n| n.strip_suffix(" -->")) {
            if let Some((outer, ..)) = &open {
                return Err(format!("line {}: block `{name}` starts inside block `{outer}`", k + 1));
            }
            open = Some((name.to_owned(), k + 1, offset + line.len()));
        } else if t == END {
            let Some((name, _, start)) = open.take() else {
                return Err(format!("line {}: {END} without a block", k + 1));
            };
            out.push(Block {
                name,
                inner: start..offset,
            });
        } else if t.starts_with("<!-- generated") || t.starts_with("<!-- end generated") {
            return Err(format!(
                "line {}: a marker not of the form `<!-- generated: NAME -->`",
                k + 1
            ));
        }
        offset += line.len();
    }
    match open {
        Some((name, line, _)) => Err(format!("block `{name}` (line {line}) has no {END}")),
        None => Ok(out),
    }
}

/// How a block's content sits between its markers: a blank line either side.
fn framed(content: &str) -> String {
    format!("\n{content}\n\n")
}

/// Everything in `doc` that is not as the generator writes it.
fn differences(doc: &str, generated: &[(&str, String)]) -> Vec<String> {
    let found = match blocks(doc) {
        Ok(b) => b,
        Err(e) => return vec![e],
    };
    let mut out = vec![];
    for (k, b) in found.iter().enumerate() {
        if found[..k].iter().any(|o| o.name == b.name) {
            out.push(format!("block `{}` appears twice", b.name));
        }
        match generated.iter().find(|(name, _)| *name == b.name) {
            None => out.push(format!(
                "block `{}` is in the document but the generator does not know it",
                b.name
            )),
            Some((_, content)) if doc[b.inner.clone()] != framed(content) => out.push(format!(
                "block `{}` differs from the code.\n--- docs/scoring.md:\n{}\n--- the code:\n{}\n---",
                b.name,
                doc[b.inner.clone()].trim_matches('\n'),
                content
            )),
            Some(_) => {}
        }
    }
    for (name, _) in generated {
        if !found.iter().any(|b| b.name == *name) {
            out.push(format!("block `{name}` is missing from the document"));
        }
    }
    out
}

/// `doc` with every known block's content written by the generator.
fn rewrite(doc: &str, generated: &[(&str, String)]) -> String {
    let mut out = doc.to_owned();
    for b in blocks(doc).unwrap_or_default().iter().rev() {
        if let Some((_, content)) = generated.iter().find(|(name, _)| *name == b.name) {
            out.replace_range(b.inner.clone(), &framed(content));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------

#[test]
fn the_method_document_is_written_from_the_code() {
    let doc = std::fs::read_to_string(DOC_PATH).expect("docs/scoring.md");
    let generated = generated();
    if std::env::var("UPDATE_DOCS").is_ok_and(|v| v == "1") {
        let updated = rewrite(&doc, &generated);
        if updated != doc {
            std::fs::write(DOC_PATH, &updated).expect("write docs/scoring.md");
            eprintln!("docs/scoring.md: generated blocks rewritten");
        }
        let left = differences(&updated, &generated);
        assert!(
            left.is_empty(),
            "docs/scoring.md, after rewriting:\n{}",
            left.join("\n")
        );
        return;
    }
    let problems = differences(&doc, &generated);
    assert!(
        problems.is_empty(),
        "docs/scoring.md does not say what the code says (UPDATE_DOCS=1 cargo test -p hr-assessment --test \
         method_doc rewrites the blocks):\n\n{}",
        problems.join("\n\n")
    );
}

/// The comparison can be seen to fail: one changed line in any block, a
/// block taken out, a block the generator does not know, a broken marker.
#[test]
fn a_changed_missing_or_unknown_block_is_caught() {
    let generated = generated();
    // The document as compiled in (another test may be rewriting the file).
    let doc = rewrite(include_str!("../../../docs/scoring.md"), &generated);
    assert_eq!(differences(&doc, &generated), Vec::<String>::new());
    let found = blocks(&doc).unwrap();
    assert_eq!(
        found.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(),
        generated.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        "the document has every block, in the generator's order"
    );
    for b in &found {
        // A digit changed where there is one, else a word.
        let inner = &doc[b.inner.clone()];
        let changed = match inner.find(|c: char| c.is_ascii_digit()) {
            Some(k) => {
                let d = inner.as_bytes()[k];
                format!(
                    "{}{}{}",
                    &inner[..k],
                    if d == b'9' { '0' } else { (d + 1) as char },
                    &inner[k + 1..]
                )
            }
            None => inner.replacen(' ', "  ", 1),
        };
        let mut altered = doc.clone();
        altered.replace_range(b.inner.clone(), &changed);
        let problems = differences(&altered, &generated);
        assert_eq!(problems.len(), 1, "{}: {problems:?}", b.name);
        assert!(
            problems[0].starts_with(&format!("block `{}` differs from the code.", b.name))
                && problems[0].contains(changed.trim_matches('\n'))
                && problems[0].contains(inner.trim_matches('\n')),
            "{}",
            problems[0]
        );
    }
    let first = &found[0];
    let start = doc[..first.inner.start - 1].rfind('\n').map_or(0, |k| k + 1);
    let end = first.inner.end + END.len() + 1;
    let without = format!("{}{}", &doc[..start], &doc[end..]);
    assert_eq!(
        differences(&without, &generated),
        [format!("block `{}` is missing from the document", first.name)]
    );
    let extra = format!("{doc}\n<!-- generated: no-such-block -->\n\nanything\n\n{END}\n");
    assert_eq!(
        differences(&extra, &generated),
        ["block `no-such-block` is in the document but the generator does not know it"]
    );
    let unclosed = format!("{doc}\n<!-- generated: no-such-block -->\n");
    assert_eq!(differences(&unclosed, &generated).len(), 1);
    assert!(differences(&doc.replacen("<!-- generated: ", "<!-- generated ", 1), &generated)[0].contains("marker"));
}

#[test]
fn the_worked_example_is_the_documented_answers() {
    let r = worked_example();
    let listed: Vec<(&str, ScaleAnswer)> = r.statements.iter().map(|(id, a)| (id.as_str(), *a)).collect();
    let mut expected = WORKED_EXAMPLE.to_vec();
    expected.sort();
    assert_eq!(listed, expected);
    assert!(r.validate(Instrument::shipped()).is_ok());
}

/// The points an area gets from some answers (0 when it is not listed).
fn area_points(responses: &Responses, area: &str) -> u32 {
    let r = report(responses);
    r.ta_areas
        .iter()
        .find(|t| t.area.as_str() == area)
        .map_or(0, |t| t.points)
}

/// What the blocks and the prose around them say in words, as the code does
/// it: the balance formula, where stages change, "at least half", the
/// thirds, the points of plans, choices and missing services, need, and
/// the examples the text gives.
#[test]
fn the_stated_rules_behave_as_stated() {
    let i = instrument();
    let th = &i.scoring;
    let strong = score_answer(ScaleAnswer::StronglyAgree, Polarity::Positive).1;
    for k in 1..=12u32 {
        for s in -strong * k as i32..=strong * k as i32 {
            let formula = div_round(100 * i64::from(s), i64::from(strong) * i64::from(k));
            assert_eq!(balance(s, k).map(i64::from), Some(formula), "balance({s}, {k})");
        }
    }
    // Each stage of the stage table starts and ends where the code changes.
    let stage = |b: i32| Stage::of_balance(Some(b), th);
    assert_eq!(
        (stage(th.facilitator_from), stage(th.facilitator_from - 1)),
        (Stage::Facilitator, Stage::Mixed)
    );
    assert_eq!(
        (stage(th.barrier_to), stage(th.barrier_to + 1)),
        (Stage::Barrier, Stage::Mixed)
    );
    // "Three bands of nearly equal width, a third of the range each."
    let band = |s: Stage| (-100..=100).filter(|b| stage(*b) == s).count();
    let bands = [band(Stage::Barrier), band(Stage::Mixed), band(Stage::Facilitator)];
    assert!(bands.iter().all(|b| b.abs_diff(201 / 3) <= 1), "{bands:?}");
    // "At least half of its statements have a known answer."
    for total in 1..=12 {
        for known in 0..=total {
            let enough = 100 * known >= th.known_for_stage_percent * total;
            assert_eq!(
                Stage::of(Some(100), known, total, th) != Stage::NotAssessed,
                enough,
                "{known} of {total}"
            );
        }
    }
    // Plans, choices and missing core services, as scored.
    let mut planned = Responses::default();
    planned.set_cell(item("services"), opt("test-strips"), opt("planned"), true);
    planned.set_cell(item("services"), opt("naloxone"), opt("direct"), true);
    planned.set_cell(item("services"), opt("syringe-services"), opt("direct"), true);
    assert_eq!(area_points(&planned, "practices"), th.points_plan);
    let strips = grid(i, "services")
        .rows
        .iter()
        .find(|r| r.id.as_str() == "test-strips")
        .unwrap();
    assert_eq!(
        strips.ta.iter().map(|a| a.as_str()).collect::<Vec<_>>(),
        ["practices", "law-policy"]
    );
    let core: Vec<&str> = grid(i, "services").core_rows.iter().map(|r| r.as_str()).collect();
    assert_eq!(core, ["naloxone", "test-strips", "syringe-services"]);
    let mut one_service = Responses::default();
    one_service.set_cell(item("services"), opt("counseling"), opt("direct"), true);
    assert_eq!(area_points(&one_service, "practices"), th.points_missing_service * 3);
    let mut wanted = Responses::default();
    wanted.choices.insert(item("ta-areas-wanted"), vec![opt("wellbeing")]);
    assert_eq!(area_points(&wanted, "wellbeing"), th.points_chosen_area);
    assert_eq!(points_for(i, SWA), 0, "a somewhat facilitator adds nothing");
    for (a, p) in [
        (SD, th.points_strong_barrier),
        (SWD, th.points_somewhat_barrier),
        (DK, th.points_unknown),
    ] {
        assert_eq!(points_for(i, a), p, "{a:?}");
    }
    // need = 100 × points ÷ most, rounded; the most is at least a strong barrier's.
    assert_eq!(i64::from(need(i, 3, 8)), div_round(300, 8));
    assert_eq!(
        i64::from(need(i, 1, 1)),
        div_round(100, i64::from(th.points_strong_barrier))
    );
    // Modalities: travel counts against convenings; wide change favours
    // individualized TA and a learning collaborative.
    let travel = i.constraint(&"travel".into()).unwrap();
    assert!(travel.disfavours.iter().any(|m| m.as_str() == "convenings"));
    let wide: Vec<&str> = i
        .modalities
        .iter()
        .filter(|m| m.for_wide_change)
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(wide, ["individual-ta", "learning-collaborative"]);
}
