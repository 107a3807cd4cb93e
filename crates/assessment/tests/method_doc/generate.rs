//! The generator of `docs/scoring.md`'s blocks (see `method_doc.rs`): fills
//! each template of `blocks.md` with values computed from the worked
//! example, the shipped instrument and the scoring functions.

use crate::blocks;
use crate::common::*;
use hr_assessment::example::{worked_example, WORKED_EXAMPLE};
use hr_assessment::instrument::{Grid, Question, N_NOT_GIVEN};
use hr_assessment::numbers::{div_round, signed, MINUS};
use hr_assessment::recommend::{statement_points, Evidence, TaRecommendation};
use hr_assessment::scoring::{balance, score_answer, ItemScore};
use hr_assessment::{assess, Class, DomainId, Instrument, Polarity, Report, ScaleAnswer, Shipped, Stage};

/// Every block's wording, with `{value}`s.
pub const TEMPLATES: &str = include_str!("blocks.md");

/// Every generated block, in document order: (name, its Markdown).
pub fn generated() -> Vec<(String, String)> {
    let values = values();
    let mut used = vec![false; values.len()];
    let templates = blocks(TEMPLATES).expect("method_doc/blocks.md");
    let filled = templates.iter().map(|b| {
        let (mut text, mut rest) = (String::new(), TEMPLATES[b.inner.clone()].trim_matches('\n'));
        while let Some(open) = rest.find('{') {
            let close = open + rest[open..].find('}').expect("a closed {value}");
            let key = &rest[open + 1..close];
            let k = values.iter().position(|(v, _)| *v == key);
            let k = k.unwrap_or_else(|| panic!("block `{}`: no value {{{key}}}", b.name));
            used[k] = true;
            text.push_str(&rest[..open]);
            text.push_str(&values[k].1);
            rest = &rest[close + 1..];
        }
        text.push_str(rest);
        (b.name.clone(), reflow(&text))
    });
    let filled = filled.collect();
    let unused: Vec<&str> = values.iter().zip(used).filter(|(_, u)| !u).map(|(v, _)| v.0).collect();
    assert!(unused.is_empty(), "values no block uses: {unused:?}");
    filled
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

/// `text` filled to 76 columns: the first line starts with `first`, the
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

macro_rules! values {
    ($($key:literal => $value:expr),* $(,)?) => { vec![$(($key, $value.to_string())),*] };
}

/// What fills the templates in: the method's rules and figures.
fn values() -> Vec<(&'static str, String)> {
    let i = Instrument::shipped();
    let th = &i.scoring;
    let strong = score_answer(SA, Polarity::Positive).1;
    let cell = |a, p| score_answer(a, p).0.as_str().to_owned() + ", " + &signed(score_answer(a, p).1);
    let scale = ScaleAnswer::ALL.map(|a| {
        let (label, positive, negative) = (a.label(), cell(a, Polarity::Positive), cell(a, Polarity::Negative));
        format!("| {label} | {positive} | {negative} |")
    });
    let negatives = i.statements().filter(|s| s.polarity == Polarity::Negative).count();
    let half = share(th.known_for_stage_percent);
    let (facilitator, barrier) = (th.facilitator_from, th.barrier_to);
    let stages = [
        (Stage::Facilitator, format!("{} or more", signed(facilitator))),
        (
            Stage::Mixed,
            format!("{} to {}", signed(barrier + 1), signed(facilitator - 1)),
        ),
        (Stage::Barrier, format!("{} or less", signed(barrier))),
        (
            Stage::NotAssessed,
            format!("fewer than {half} of the statements with a known answer"),
        ),
    ];
    let stages = table(
        "| Stage | Balance |",
        stages.map(|(s, b)| format!("| {} | {b} |", s.label())),
    );
    let settings = i.domains.iter().map(|d| {
        let other = i.statements_in(&d.id).filter(|s| i.setting_of(s) != d.setting);
        let other: Vec<(&str, &str)> = other.map(|s| (s.id.as_str(), i.setting_of(s).as_str())).collect();
        let ids: Vec<&str> = other.iter().map(|(id, _)| *id).collect();
        let other = other
            .first()
            .map_or(String::new(), |(_, s)| format!("; {s}: {}", ids.join(", ")));
        format!("| {} | {}{other} |", d.name, d.setting.as_str())
    });
    let points_table = [
        ("strong barrier", SD),
        ("somewhat barrier", SWD),
        ("I don't know", DK),
        ("facilitator", SA),
    ]
    .map(|(what, a)| format!("| {what} | {} |", points_for(i, a)));
    let national_areas = i
        .ta_areas
        .iter()
        .filter_map(|a| a.national.map(|n| format!("{} {}%", a.id, n.share)));
    let top = match i.find_question(|q| matches!(q, Question::Modalities(_))) {
        Some(Question::Modalities(m)) => m.max.expect("the modalities pick has a maximum"),
        _ => panic!("no modalities question"),
    };
    let national_modalities = i.modalities.iter().filter_map(|m| {
        let name = match m.id.as_str() {
            "individual-ta" => "individualized TA".to_owned(),
            id => id.replace('-', " "),
        };
        m.national.map(|n| format!("{name} {}%", n.share))
    });
    let facts = i.national_facts();
    let health = i
        .statement(&item("health-agencies-support"))
        .and_then(|s| s.national.clone())
        .unwrap();
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
        "one n for partners"
    );
    let twice = |grid_id: &str, row: &str, col: &str| {
        let r = grid(i, grid_id).rows.iter().find(|r| r.id.as_str() == row).expect(row);
        (
            r.national.get(&opt(col)).copied().expect(row),
            r.also.get(&opt(col)).copied().expect(row),
        )
    };
    let (peer, peer_also) = twice("services", "peer-support", "referral");
    let (mail, mail_also) = twice("partners", "mail-based-supply", "planned");
    let cited = |id: &str| {
        let citation = &i.source(&id.into()).expect(id).citation;
        let year = citation.split_once(" (").and_then(|(_, y)| y.get(..4)).expect(id);
        format!("{} et al., {year}", citation.split(',').next().unwrap())
    };
    let mut earlier: Vec<String> = i.retired.iter().map(|r| r.until.clone()).collect();
    earlier.sort();
    earlier.dedup();
    let mut v = values![
        "scale_table" => table("| Answer | Statement worded positively | Statement worded the other way around |", scale),
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
        "settings_table" => table("| Domain | Setting |", settings),
        "points_table" => table("| Answer | Points |", points_table),
        "plan" => points(th.points_plan),
        "missing" => points(th.points_missing_service),
        "chosen" => points(th.points_chosen_area),
        "most" => th.points_strong_barrier,
        "national_areas" => national_areas.collect::<Vec<_>>().join(", "),
        "top" => word(top),
        "favoured" => signed(th.modality_favoured),
        "disfavoured" => signed(th.modality_disfavoured),
        "wide" => word(th.wide_change_barrier_domains),
        "national_modalities" => national_modalities.collect::<Vec<_>>().join(", "),
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
        "r-mc2" => cited("r-mc2"),
        "oric" => cited("oric"),
        "cfir-2022" => cited("cfir-2022"),
        "version" => i.version,
        "retired" => word(i.retired.len()),
        "earlier" => list(&earlier),
    ];
    v.extend(example_values(i, &assess(i, &worked_example())));
    v
}

/// The report's figures the national statements cite ("Figures 7 and 8"):
/// those whose n the report gives, or (`assumed`) those whose n it does not.
fn figures(i: &Instrument, assumed: bool) -> String {
    let national = i.statements().filter_map(|s| s.national.as_ref().map(|n| (s, n)));
    let chosen = national.filter(|(_, n)| n.note.as_ref().is_some_and(|t| t.contains(N_NOT_GIVEN)) == assumed);
    let mut numbers: Vec<u32> = chosen
        .filter_map(|(s, _)| {
            let rest = &s.locator[s.locator.find("Figure ")? + "Figure ".len()..];
            rest[..rest.find(|c: char| !c.is_ascii_digit())?].parse().ok()
        })
        .collect();
    numbers.sort();
    numbers.dedup();
    let numbers: Vec<String> = numbers.iter().map(u32::to_string).collect();
    format!("Figure{} {}", if numbers.len() == 1 { "" } else { "s" }, list(&numbers))
}

/// The points one answer to a positively worded statement adds to its areas.
pub fn points_for(i: &Instrument, answer: ScaleAnswer) -> u32 {
    let ((class, score), polarity) = (score_answer(answer, Polarity::Positive), Polarity::Positive);
    let (item, domain) = (item("adequate-funding"), "funding".into());
    statement_points(
        i,
        &ItemScore {
            item,
            domain,
            answer,
            polarity,
            class,
            score,
        },
    )
}

/// What fills the templates in: the worked example.
fn example_values(i: &Instrument, r: &Report) -> Vec<(&'static str, String)> {
    let name = |id: &DomainId| i.domain(id).map_or_else(|| id.to_string(), |d| d.name.clone());
    let none = |b: Option<i32>| b.map_or("none".to_owned(), signed);
    let blank: Vec<String> = r
        .domains
        .iter()
        .filter(|d| d.answered() == 0)
        .map(|d| d.domain.to_string())
        .collect();
    let blank_find_out = r.domains.iter().all(|d| d.answered() > 0 || d.find_out);
    assert!(
        blank.len() > 1 && blank_find_out,
        "the text: they are left blank, so they too get a \"find out\""
    );
    let answers = WORKED_EXAMPLE.iter().map(|(id, answer)| {
        let s = r.item(&item(id)).unwrap_or_else(|| panic!("{id} is not in the report"));
        let (domain, answer, class, score) = (name(&s.domain), answer.label(), s.class.label(), signed(s.score));
        format!("| {domain} | {id} | {answer} | {class} | {score} |")
    });
    let domains = r.domains.iter().map(|d| {
        let (domain, f, b, u) = (name(&d.domain), d.facilitators, d.barriers, d.unknowns);
        let (sum, balance, coverage, stage) = (signed(d.sum), none(d.balance), d.coverage, d.stage.label());
        let find_out = if d.find_out { "yes" } else { "no" };
        format!("| {domain} | {f} | {b} | {u} | {sum} | {balance} | {coverage}% | {stage} | {find_out} |")
    });
    let staged = r.domains.iter().filter(|d| d.stage != Stage::NotAssessed);
    let staged: Vec<i64> = staged.filter_map(|d| d.balance.map(i64::from)).collect();
    let terms = staged.iter().enumerate().map(|(k, b)| match k {
        0 => plain(*b),
        _ if *b < 0 => format!("{MINUS} {}", -b),
        _ => format!("+ {b}"),
    });
    let (org, context) = (&r.overall.organization, &r.overall.context);
    let readings = [org, context].into_iter().flat_map(|reading| {
        reading.parts.iter().map(|p| {
            let (setting, domain, known, total) = (reading.setting.as_str(), name(&p.domain), p.known(), p.total);
            let (sum, balance, stage) = (signed(p.sum), none(p.balance), p.stage.label());
            format!("| {setting} | {domain} | {known} | {total} | {sum} | {balance} | {stage} |")
        })
    });
    let weakest = org.weakest.as_ref().expect("the example has a weakest link");
    let context_weakest = context.weakest.as_ref().expect("and one in its context");
    assert_eq!(context_weakest.as_str(), "funding", "the text speaks of payers");
    let own_domain = |d: &&DomainId| i.domain(d).is_some_and(|x| x.setting == org.setting);
    let lacking: Vec<String> = org.lacking.iter().filter(own_domain).map(|d| d.to_string()).collect();
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
    let ta = r.ta_areas.iter().enumerate().map(|(k, a)| {
        let (rank, area, points, possible, need) = (k + 1, &a.area, a.points, a.possible, a.need);
        format!("| {rank} | {area} | {points} | {possible} | {need}% |")
    });
    let by_points = r.ta_areas.iter().max_by_key(|t| t.points).expect("TA areas");
    assert_ne!(
        by_points.area, r.ta_areas[0].area,
        "the text: ranked by points, another comes first"
    );
    let statements = by_points
        .evidence
        .iter()
        .filter(|e| matches!(e, Evidence::Statement { .. }));
    values![
        "Answered" => capital(&word(WORKED_EXAMPLE.len())),
        "answered_domains" => word(r.domains.iter().filter(|d| d.answered() > 0).count()),
        "blank" => list(&blank),
        "Blank" => capital(&list(&blank)),
        "answers_table" => table("| Domain | Statement | Answer | Class | Score |", answers),
        "domain_working" => domain_working(i, r),
        "domains_table" => table(
            "| Domain | Facilitators | Barriers | Unknowns | Sum | Balance | Coverage | Stage | Find out |",
            domains,
        ),
        "staged" => word(staged.len()),
        "average_terms" => terms.collect::<Vec<_>>().join(" "),
        "staged_n" => staged.len(),
        "average_exact" => quotient(staged.iter().sum(), staged.len().max(1) as i64),
        "average" => none(r.overall.average),
        "average_stage" => r.overall.average_stage.label(),
        "readings_table" => table("| Reading | Domain | Known | Statements | Sum | Balance | Stage |", readings),
        "weakest" => name(weakest),
        "weakest_balance" => none(org.part(weakest).and_then(|p| p.balance)),
        "overall_stage" => r.overall.stage.label(),
        "lacking" => list(&lacking),
        "context_stage" => context.stage.label(),
        "context_balance" => none(context.part(context_weakest).and_then(|p| p.balance)),
        "law_known" => word(law.known()),
        "law_total" => word(law.total),
        "summary_table" => table("| Reading | Value |", summary.map(|(k, v)| format!("| {k} | {v} |"))),
        "ta_working" => ta_working(r),
        "by_points" => by_points.area,
        "by_points_statements" => word(statements.count() + by_points.facilitators as usize),
        "ta_table" => table("| Rank | TA area | Points | Possible | Need |", ta),
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
        let (sum, times, known, stage) = (signed(d.sum), plain(d.sum.into()), d.known(), d.stage.label());
        let balance = signed(d.balance.unwrap_or_default());
        let mut text = format!(
            "- {name}: sum {sum} over {known} known answers: 100 × {times} ÷ {den} = {exact}**{balance}**, {stage}."
        );
        if d.stage == Stage::NotAssessed {
            let skipped = (d.total - d.answered()) as usize;
            let why = [(d.unknowns as usize, "\"I don't know\""), (skipped, "left blank")];
            let why = why
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|(n, w)| format!("{} {w}", count_are(*n)));
            let (known, total, half) = (word(known), word(d.total), share(i.scoring.known_for_stage_percent));
            let why = why.collect::<Vec<_>>().join(", ");
            text += &format!(
                " Only {known} of its {total} statements have a known answer, fewer than {half}, so {name} has no \
                 stage and gets a \"find out\" recommendation ({why})."
            );
        }
        bullets.push(text);
    }
    bullets.join("\n")
}

/// The first three areas worked through, then how ties were broken.
fn ta_working(r: &Report) -> String {
    let area = |t: &TaRecommendation| {
        let (mut parts, mut unknown) = (vec![], vec![]);
        for e in &t.evidence {
            let points = e.points();
            parts.push(match e {
                Evidence::Statement {
                    item,
                    class: Class::Unknown,
                    ..
                } => {
                    unknown.push((format!("{item} ({points})"), points));
                    continue;
                }
                Evidence::Statement { item, strength: 2, .. } => format!("{item} (strong barrier, {points})"),
                Evidence::Statement { item, .. } => format!("{item} ({points})"),
                Evidence::Plan { row, .. } => format!("a planned {row} ({points})"),
                Evidence::Missing { row, .. } => format!("{row}, not provided ({points})"),
                Evidence::Chosen { .. } => format!("the respondent's choice ({points})"),
            });
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
        let (area, points, possible, need) = (&t.area, points(t.points), t.possible, t.need);
        let parts = list(&parts);
        format!("The {area} area collects {parts}: {points} of {possible} possible{facilitators}, a need of {need}%.")
    };
    let mut sentences: Vec<String> = r.ta_areas.iter().take(3).map(area).collect();
    for tie in r.ta_areas.chunk_by(|a, b| a.need == b.need).filter(|g| g.len() > 1) {
        let ids = |national: bool| -> Vec<String> {
            let with = tie.iter().filter(|t| t.national.is_some() == national);
            with.map(|t| t.area.to_string()).collect()
        };
        let order = match (ids(true).as_slice(), ids(false).as_slice()) {
            ([], _) => "none has a national figure, so they keep the instrument's order".to_owned(),
            ([a], [b]) => format!("{a} has a national figure and {b} none, so {a} comes first"),
            _ => "they go by national demand, then by the instrument's order".to_owned(),
        };
        let (count, need) = (capital(&word(tie.len())), tie[0].need);
        sentences.push(format!("{count} areas tie at {need}% need; {order}."));
    }
    sentences.join(" ")
}

fn word(n: impl TryInto<usize>) -> String {
    const WORDS: &str = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen \
                         fifteen sixteen seventeen eighteen nineteen twenty";
    let n = n.try_into().unwrap_or(usize::MAX);
    WORDS.split(' ').nth(n).map_or_else(|| n.to_string(), str::to_owned)
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

/// A table: its header row, the rule, the rows.
fn table(header: &str, rows: impl IntoIterator<Item = String>) -> String {
    let rule = format!("|{}", "---|".repeat(header.matches('|').count() - 1));
    [header.to_owned(), rule]
        .into_iter()
        .chain(rows)
        .collect::<Vec<_>>()
        .join("\n")
}

fn text_of(i: &Instrument, id: &str) -> String {
    i.statement(&item(id)).expect(id).text.trim_end_matches('.').to_owned()
}

pub fn grid<'a>(i: &'a Instrument, id: &str) -> &'a Grid {
    match i.question(&item(id)) {
        Some(Question::Grid(g)) => g,
        _ => panic!("no grid {id}"),
    }
}
