//! The team view's charts, drawn in the page as SVG: a stacked bar of the
//! team's answers to a statement (with the 2022 national bar beside it where
//! the report has one), and how the team is divided in a domain. The core
//! (`hr_assessment::team_charts`) counts; these only draw. Colours are the
//! stylesheet's custom properties (dark mode, print, forced colours), every
//! part wide enough carries its number, and every chart is named by the
//! same figures in words.

use crate::i18n::{lang, t};
use crate::ui::state::instrument;
use hr_assessment::case::Case;
use hr_assessment::instrument::Qualifier;
use hr_assessment::numbers::signed;
use hr_assessment::team::{AnswerCounts, TeamDomain};
use hr_assessment::team_charts::{self, DomainSpread, NationalBar, NationalPart, BINS, SCALE_ORDER, SPREAD_STAGES};
use hr_assessment::ScaleAnswer;
use leptos::prelude::*;

/// Left of the bars: the row's label.
const LABEL_W: u32 = 200;
/// The bars' width; "I don't know" takes its share of it after a gap.
const BAR_W: u32 = 520;
const GAP: u32 = 14;
const ROW_H: u32 = 30;

fn part_class(a: ScaleAnswer) -> &'static str {
    match a {
        ScaleAnswer::StronglyDisagree => "seg seg--sd",
        ScaleAnswer::SomewhatDisagree => "seg seg--wd",
        ScaleAnswer::SomewhatAgree => "seg seg--wa",
        ScaleAnswer::StronglyAgree => "seg seg--sa",
        ScaleAnswer::DontKnow => "seg seg--dk",
    }
}

/// One bar's parts, left to right: (class, value, text written inside, title).
type Part = (&'static str, u32, String, String);

/// A row of the stacked bar: the label, the scale's parts, then "I don't know" apart.
fn bar_row(y: u32, label: String, parts: Vec<Part>, dont_know: Option<Part>) -> impl IntoView {
    let mut values: Vec<u32> = parts.iter().map(|p| p.1).collect();
    values.push(dont_know.as_ref().map_or(0, |p| p.1));
    let widths = team_charts::split(&values, BAR_W - GAP);
    let mut x = LABEL_W;
    let mut drawn = Vec::new();
    for (k, (class, _, text, title)) in parts.into_iter().chain(dont_know).enumerate() {
        let w = widths[k];
        if k == values.len() - 1 {
            x += GAP;
        }
        if w > 0 {
            drawn.push((x, w, class, text, title));
        }
        x += w;
    }
    view! {
        <text class="chart__label" x="0" y=y + 20>{label}</text>
        {drawn.into_iter().map(|(x, w, class, text, title)| {
            let show = w >= 34;
            view! {
                <g>
                    <title>{title}</title>
                    <rect class=class x=x y=y + 2 width=w height=ROW_H - 6/>
                    {show.then(|| view! { <text class=format!("{}-text", class.trim_start_matches("seg ")) x=x + w / 2 y=y + 20 text-anchor="middle">{text}</text> })}
                </g>
            }
        }).collect_view()}
    }
}

/// "4 strongly disagree, 3 somewhat disagree, …; 2 I don't know; 1 blank."
pub fn team_words(counts: &AnswerCounts) -> String {
    let (scale, dk, blank) = team_charts::team_parts(counts);
    let parts = SCALE_ORDER
        .iter()
        .zip(scale)
        .map(|(a, n)| format!("{n} {}", a.phrase_in(lang())))
        .collect::<Vec<_>>()
        .join(", ");
    let dk_phrase = ScaleAnswer::DontKnow.phrase_in(lang());
    crate::tf!(
        "Team: {parts}; {dk} {dk_phrase}; {blank} blank.",
        "Equipo: {parts}; {dk} {dk_phrase}; {blank} en blanco."
    )
}

fn national_part_words(part: NationalPart) -> &'static str {
    match part {
        NationalPart::Answer(a) => a.phrase_in(lang()),
        NationalPart::Agree => t!("strongly or somewhat agree", "muy o algo de acuerdo"),
        NationalPart::Disagree => t!("strongly or somewhat disagree", "muy o algo en desacuerdo"),
        NationalPart::NotGiven => t!("not given in the report", "no lo da el informe"),
    }
}

/// "2022, n = 90: more than 90% strongly or somewhat agree; 10% not given in the report."
pub fn national_words(bar: &NationalBar) -> String {
    let n = bar.n;
    let mut parts: Vec<String> = bar
        .parts
        .iter()
        .map(|(p, v)| {
            let prefix = match p {
                NationalPart::Agree | NationalPart::Disagree => bar.qualifier.prefix_in(lang()),
                _ => Qualifier::Exact.prefix_in(lang()),
            };
            format!("{prefix}{v}% {}", national_part_words(*p))
        })
        .collect();
    if let Some(dk) = bar.dont_know {
        parts.push(format!("{dk}% {}", ScaleAnswer::DontKnow.phrase_in(lang())));
    }
    let parts = parts.join(", ");
    crate::tf!(
        "Nationally in 2022 (n = {n}): {parts}.",
        "A nivel nacional en 2022 (n = {n}): {parts}."
    )
}

/// A statement's team bar, and the national bar where there is one.
#[component]
pub fn StatementBars(
    counts: AnswerCounts,
    national: Option<NationalBar>,
    #[prop(optional)] labelled_by: String,
) -> impl IntoView {
    let (scale, dk, _) = team_charts::team_parts(&counts);
    let members = counts.total();
    let team_parts: Vec<Part> = SCALE_ORDER
        .iter()
        .zip(scale)
        .map(|(a, n)| (part_class(*a), n, n.to_string(), format!("{}: {n}", a.label_in(lang()))))
        .collect();
    let dk_part = (
        part_class(ScaleAnswer::DontKnow),
        dk,
        dk.to_string(),
        format!("{}: {dk}", ScaleAnswer::DontKnow.label_in(lang())),
    );
    let team_label = crate::tf!("Team ({members})", "Equipo ({members})");
    let team_name = team_words(&counts);
    let national_row = national.map(|bar| {
        let name = national_words(&bar);
        let parts: Vec<Part> = bar
            .parts
            .iter()
            .map(|(p, v)| {
                let class = match p {
                    NationalPart::Answer(a) => part_class(*a),
                    NationalPart::Agree => "seg seg--sa",
                    NationalPart::Disagree => "seg seg--sd",
                    NationalPart::NotGiven => "seg seg--none",
                };
                let text = match p {
                    NationalPart::NotGiven => "?".to_owned(),
                    _ => format!("{v}%"),
                };
                (class, u32::from(*v), text, format!("{v}% {}", national_part_words(*p)))
            })
            .collect();
        let dk = bar.dont_know.map(|v| {
            (
                part_class(ScaleAnswer::DontKnow),
                u32::from(v),
                format!("{v}%"),
                format!("{v}% {}", ScaleAnswer::DontKnow.phrase_in(lang())),
            )
        });
        let n = bar.n;
        let label = crate::tf!("National 2022 (n = {n})", "Nacional 2022 (n = {n})");
        (name, label, parts, dk)
    });
    let height = ROW_H + 4;
    let width = LABEL_W + BAR_W;
    view! {
        <svg class="chart__svg chart__svg--bars" viewBox=format!("0 0 {width} {height}") role="img" aria-label=team_name.clone()
            aria-describedby=(!labelled_by.is_empty()).then_some(labelled_by.clone())>
            <g role="presentation">{bar_row(0, team_label, team_parts, Some(dk_part))}</g>
        </svg>
        {national_row.map(|(name, label, parts, dk)| view! {
            <svg class="chart__svg chart__svg--bars" viewBox=format!("0 0 {width} {}", ROW_H + 4) role="img" aria-label=name
                aria-describedby=(!labelled_by.is_empty()).then_some(labelled_by.clone())>
                <g role="presentation">{bar_row(0, label, parts, dk)}</g>
            </svg>
        })}
    }
}

/// The key to the stacked bars' parts.
#[component]
pub fn BarsKey() -> impl IntoView {
    view! {
        <ul class="chart-key">
            {SCALE_ORDER.iter().chain([ScaleAnswer::DontKnow].iter()).map(|a| view! {
                <li><svg class="chart-key__swatch" viewBox="0 0 20 14" aria-hidden="true"><rect class=part_class(*a) x="1" y="1" width="18" height="12"/></svg>{a.label_in(lang())}</li>
            }).collect_view()}
            <li><svg class="chart-key__swatch" viewBox="0 0 20 14" aria-hidden="true"><rect class="seg seg--none" x="1" y="1" width="18" height="12"/></svg>{t!("Not given in the 2022 report (?)", "No lo da el informe de 2022 (?)")}</li>
        </ul>
    }
}

/// "From −100 to −81".
fn bin_words(k: usize) -> String {
    let (lo, hi) = team_charts::bin_range(k);
    let (lo, hi) = (signed(lo), signed(hi));
    crate::tf!("{lo} to {hi}", "{lo} a {hi}")
}

/// "Of 21 respondents: 5 barrier, 10 mixed, 4 facilitator, 2 not enough answers."
pub fn spread_words(spread: &DomainSpread) -> String {
    let total: u32 = spread.stages.iter().sum();
    let stages = SPREAD_STAGES
        .iter()
        .zip(spread.stages)
        .map(|(s, n)| format!("{n} {}", s.label_in(lang()).lower()))
        .collect::<Vec<_>>()
        .join(", ");
    let range = spread.range.map(|(lo, hi)| {
        let (lo, hi) = (signed(lo), signed(hi));
        crate::tf!(
            " Their own balances run from {lo} to {hi}.",
            " Sus propios balances van de {lo} a {hi}."
        )
    });
    let range = range.unwrap_or_default();
    crate::tf!(
        "Each respondent's own reading, of {total}: {stages}.{range}",
        "La lectura propia de cada participante, de {total}: {stages}.{range}"
    )
}

/// How the team is divided in a domain: how many respondents' own balance
/// falls in each band of 20 points, with the stage thresholds shaded and
/// the pooled balance marked; a table of the same numbers beside it.
#[component]
pub fn SpreadChart(spread: DomainSpread, pooled: TeamDomain, id: String) -> impl IntoView {
    const W: i32 = 600;
    const H: i32 = 170;
    const LEFT: i32 = 20;
    const PLOT: i32 = 560;
    const BASE: i32 = 130;
    const TOP: i32 = 24;
    let th = &instrument().scoring;
    let x = move |b: i32| LEFT + (b + 100) * PLOT / 200;
    let max = spread.bins.iter().copied().max().unwrap_or(0).max(1) as i32;
    let bin_w = PLOT / BINS as i32;
    let name = instrument()
        .domain(&spread.domain)
        .map(|d| d.name.clone())
        .unwrap_or_default();
    let words = spread_words(&spread);
    let label = crate::tf!(
        "How the team is divided: {name}. {words}",
        "Cómo se divide el equipo: {name}. {words}"
    );
    let table_id = format!("{id}-table");
    let pooled_x = pooled.balance.map(x);
    view! {
        <figure class="chart chart--spread">
            <svg class="chart__svg chart__svg--spread" viewBox=format!("0 0 {W} {H}") role="img" aria-label=label aria-describedby=table_id.clone()>
                <g role="presentation">
                    <rect class="chart__band chart__band--barrier" x=x(-100) y=TOP width=x(th.barrier_to) - x(-100) height=BASE - TOP/>
                    <rect class="chart__band chart__band--facilitator" x=x(th.facilitator_from) y=TOP width=x(100) - x(th.facilitator_from) height=BASE - TOP/>
                    {spread.bins.iter().enumerate().filter(|(_, n)| **n > 0).map(|(k, n)| {
                        let h = (*n as i32) * (BASE - TOP - 18) / max;
                        let bx = LEFT + k as i32 * bin_w;
                        view! {
                            <g>
                                <title>{format!("{}: {n}", bin_words(k))}</title>
                                <rect class="spread__bar" x=bx + 3 y=BASE - h width=bin_w - 6 height=h/>
                            </g>
                        }
                    }).collect_view()}
                    // The team's pooled balance over the bars, and the counts over it.
                    {pooled_x.map(|px| view! {
                        <line class="spread__pooled-halo" x1=px y1=TOP - 6 x2=px y2=BASE/>
                        <line class="spread__pooled" x1=px y1=TOP - 6 x2=px y2=BASE/>
                        <text class="chart__tick" x=px y=TOP - 10 text-anchor="middle">{t!("team as a whole", "el equipo en conjunto")}</text>
                    })}
                    {spread.bins.iter().enumerate().filter(|(_, n)| **n > 0).map(|(k, n)| {
                        let h = (*n as i32) * (BASE - TOP - 18) / max;
                        let bx = LEFT + k as i32 * bin_w;
                        view! { <text class="chart__value spread__value" x=bx + bin_w / 2 y=BASE - h - 4 text-anchor="middle">{n.to_string()}</text> }
                    }).collect_view()}
                    <line class="chart__axis" x1=LEFT y1=BASE x2=LEFT + PLOT y2=BASE/>
                    <text class="chart__tick" x=x(-100) y=BASE + 18 text-anchor="start">{format!("−100 {}", t!("barrier", "barrera"))}</text>
                    <text class="chart__tick" x=x(0) y=BASE + 18 text-anchor="middle">"0"</text>
                    <text class="chart__tick" x=x(100) y=BASE + 18 text-anchor="end">{format!("{} +100", t!("facilitator", "facilitador"))}</text>
                    <text class="chart__tick" x=x(0) y=BASE + 36 text-anchor="middle">{t!("each respondent's own balance", "el balance propio de cada participante")}</text>
                </g>
            </svg>
            <figcaption class="hint">{words}</figcaption>
            <details class="details">
                <summary>{t!("The numbers in a table", "Los números en una tabla")}</summary>
                <div class="table-wrap">
                    <table class="table table--compact" id=table_id>
                        <caption class="visually-hidden">{crate::tf!("Respondents by their own balance: {name}", "Participantes según su propio balance: {name}")}</caption>
                        <thead><tr><th scope="col">{t!("Own balance", "Balance propio")}</th><th scope="col" class="num">{t!("Respondents", "Participantes")}</th></tr></thead>
                        <tbody>
                            {(0..BINS).map(|k| view! { <tr><th scope="row">{bin_words(k)}</th><td class="num">{spread.bins[k]}</td></tr> }).collect_view()}
                            <tr><th scope="row">{t!("No known answer", "Sin respuestas conocidas")}</th><td class="num">{spread.no_balance}</td></tr>
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
