//! What the team view's charts count: each statement's answers in scale
//! order (strongly disagree to strongly agree, "I don't know" apart), the
//! 2022 national figures as far as the report gives them, how the team is
//! divided in each domain (every respondent's own balance), the ways of
//! receiving help the team chose, and the split of a bar's width between its
//! parts. The views only draw what these functions return.
//!
//! ```
//! use hr_assessment::team_charts::split;
//! // 3, 5 and 2 people across 100 units: every unit is used, none twice.
//! assert_eq!(split(&[3, 5, 2], 100), vec![30, 50, 20]);
//! assert_eq!(split(&[1, 1, 1], 100).iter().sum::<u32>(), 100);
//! ```

use crate::ids::*;
use crate::instrument::{Instrument, NationalStatement, Qualifier, Question};
use crate::responses::ScaleAnswer;
use crate::scoring::{self, Stage};
use crate::team::{AnswerCounts, Member};
use std::cmp::Reverse;

/// The scale from left to right in a stacked bar: disagreeing on the left,
/// agreeing on the right. "I don't know" is drawn apart.
pub const SCALE_ORDER: [ScaleAnswer; 4] = [
    ScaleAnswer::StronglyDisagree,
    ScaleAnswer::SomewhatDisagree,
    ScaleAnswer::SomewhatAgree,
    ScaleAnswer::StronglyAgree,
];

/// Splits `width` units between parts in proportion to `parts`, in whole
/// units that add up to exactly `width` (largest remainder; ties to the
/// earlier part). All zeros give all zeros.
pub fn split(parts: &[u32], width: u32) -> Vec<u32> {
    let total: u64 = parts.iter().map(|p| u64::from(*p)).sum();
    if total == 0 {
        return vec![0; parts.len()];
    }
    let exact: Vec<(u64, u64)> = parts
        .iter()
        .map(|p| {
            let scaled = u64::from(*p) * u64::from(width);
            (scaled / total, scaled % total)
        })
        .collect();
    let mut out: Vec<u32> = exact.iter().map(|(q, _)| *q as u32).collect();
    let mut left = width - out.iter().sum::<u32>();
    let mut order: Vec<(Reverse<u64>, usize)> = exact.iter().enumerate().map(|(k, (_, r))| (Reverse(*r), k)).collect();
    crate::sort::ascending(&mut order);
    for (_, k) in order {
        if left == 0 {
            break;
        }
        if parts[k] > 0 {
            out[k] += 1;
            left -= 1;
        }
    }
    out
}

/// The team's answers to a statement in [`SCALE_ORDER`], then "I don't
/// know", then blank.
pub fn team_parts(counts: &AnswerCounts) -> ([u32; 4], u32, u32) {
    (
        SCALE_ORDER.map(|a| counts.get(a)),
        counts.get(ScaleAnswer::DontKnow),
        counts.unanswered,
    )
}

/// One part of a national bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NationalPart {
    /// One answer's own share.
    Answer(ScaleAnswer),
    /// Strongly plus somewhat disagree, where the report gives only the sum.
    Disagree,
    /// Strongly plus somewhat agree, where the report gives only the sum.
    Agree,
    /// What the report does not account for (100% less what it gives).
    NotGiven,
}

/// A statement's national figures laid out as a bar, in scale order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NationalBar {
    /// Shares (percent) in scale order; parts the report does not give are
    /// absent; [`NationalPart::NotGiven`] last when the given shares add up
    /// to less than 100.
    pub parts: Vec<(NationalPart, u8)>,
    /// "I don't know", drawn apart; `None` where the report does not give it.
    pub dont_know: Option<u8>,
    /// Respondents behind the figures.
    pub n: u32,
    /// The qualifier of an aggregated agree share ("more than 90%").
    pub qualifier: Qualifier,
    /// Whether every answer has its own share (the full distribution).
    pub complete: bool,
    /// The sum of the given shares ("I don't know" included): the bar's
    /// scale, at least 100 (one report figure adds up to 106%).
    pub scale: u32,
}

/// The national figures of a statement as a bar: every share the report
/// gives, in scale order; an aggregated agree (or disagree) share where
/// only that is given; the rest as not given. Nothing is estimated.
pub fn national_bar(national: &NationalStatement) -> NationalBar {
    let mut parts = Vec::new();
    let own = |a: ScaleAnswer| match a {
        ScaleAnswer::StronglyDisagree => national.strongly_disagree,
        ScaleAnswer::SomewhatDisagree => national.somewhat_disagree,
        ScaleAnswer::SomewhatAgree => national.somewhat_agree,
        ScaleAnswer::StronglyAgree => national.strongly_agree,
        ScaleAnswer::DontKnow => national.dont_know,
    };
    let side = |answers: [ScaleAnswer; 2], sum: Option<u8>, part: NationalPart, parts: &mut Vec<(NationalPart, u8)>| {
        let given: Vec<(ScaleAnswer, u8)> = answers.iter().filter_map(|a| own(*a).map(|v| (*a, v))).collect();
        if given.len() == 2 || sum.is_none() {
            parts.extend(given.into_iter().map(|(a, v)| (NationalPart::Answer(a), v)));
        } else if let Some(sum) = sum {
            parts.push((part, sum));
        }
    };
    let disagree = [ScaleAnswer::StronglyDisagree, ScaleAnswer::SomewhatDisagree];
    let agree = [ScaleAnswer::SomewhatAgree, ScaleAnswer::StronglyAgree];
    // Where the disagree side is given only in part (somewhat and strongly
    // separately, no sum), those parts are kept as they are.
    side(disagree, national.disagree, NationalPart::Disagree, &mut parts);
    side(agree, national.agree, NationalPart::Agree, &mut parts);
    let dont_know = national.dont_know;
    let given: u32 = parts.iter().map(|(_, v)| u32::from(*v)).sum::<u32>() + u32::from(dont_know.unwrap_or(0));
    if given < 100 {
        parts.push((NationalPart::NotGiven, (100 - given) as u8));
    }
    let complete = SCALE_ORDER
        .iter()
        .chain([ScaleAnswer::DontKnow].iter())
        .all(|a| own(*a).is_some());
    NationalBar {
        parts,
        dont_know,
        n: national.n,
        qualifier: national.qualifier,
        complete,
        scale: given.max(100),
    }
}

/// Width of one bin of [`DomainSpread::bins`], in balance points.
pub const BIN_WIDTH: i32 = 20;
/// Bins from −100 to +100.
pub const BINS: usize = 10;

/// The balances one bin holds, inclusive: (−100, −81), (−80, −61) … (80, 100).
pub fn bin_range(k: usize) -> (i32, i32) {
    let low = -100 + BIN_WIDTH * k as i32;
    let high = if k + 1 == BINS { 100 } else { low + BIN_WIDTH - 1 };
    (low, high)
}

/// The bin a balance (−100..=100) falls in.
pub fn bin_of(balance: i32) -> usize {
    (((balance.clamp(-100, 100) + 100) / BIN_WIDTH) as usize).min(BINS - 1)
}

/// How the team is divided in one domain: every respondent's own balance
/// and reading, as if each had taken the assessment alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainSpread {
    pub domain: DomainId,
    /// Respondents whose own balance falls in each bin ([`bin_range`]).
    pub bins: [u32; BINS],
    /// Respondents with no known answer in the domain (no balance).
    pub no_balance: u32,
    /// Respondents whose own reading is each stage, in the order
    /// barrier, mixed, facilitator, not enough answers.
    pub stages: [u32; 4],
    /// The lowest and highest own balance, when anyone has one.
    pub range: Option<(i32, i32)>,
}

impl DomainSpread {
    /// Respondents with a balance.
    pub fn with_balance(&self) -> u32 {
        self.bins.iter().sum()
    }
}

/// The stages in the order of [`DomainSpread::stages`].
pub const SPREAD_STAGES: [Stage; 4] = [Stage::Barrier, Stage::Mixed, Stage::Facilitator, Stage::NotAssessed];

/// Every domain's spread, in the instrument's order.
pub fn domain_spreads(instrument: &Instrument, members: &[Member]) -> Vec<DomainSpread> {
    let mut spreads: Vec<DomainSpread> = instrument
        .domains
        .iter()
        .map(|d| DomainSpread {
            domain: d.id.clone(),
            bins: [0; BINS],
            no_balance: 0,
            stages: [0; 4],
            range: None,
        })
        .collect();
    for m in members {
        for (spread, result) in spreads
            .iter_mut()
            .zip(scoring::domain_results(instrument, &m.responses))
        {
            match result.balance {
                Some(b) => {
                    spread.bins[bin_of(b)] += 1;
                    spread.range = Some(spread.range.map_or((b, b), |(lo, hi)| (lo.min(b), hi.max(b))));
                }
                None => spread.no_balance += 1,
            }
            let k = SPREAD_STAGES.iter().position(|s| *s == result.stage).unwrap_or(3);
            spread.stages[k] += 1;
        }
    }
    spreads
}

/// A way of receiving help and how many respondents put it in their top three.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamModality {
    pub modality: ModalityId,
    /// Respondents who chose it.
    pub members: u32,
    /// The national share that put it in their top three, with its n.
    pub national: Option<(u8, u32)>,
}

/// The ways of receiving help any respondent chose, most chosen first;
/// ties by national preference, then the instrument's order.
pub fn team_modalities(instrument: &Instrument, members: &[Member]) -> Vec<TeamModality> {
    let question = instrument.find_question(|q| matches!(q, Question::Modalities(_)));
    let mut ranked: Vec<(Reverse<u32>, Reverse<i32>, usize, TeamModality)> = instrument
        .modalities
        .iter()
        .enumerate()
        .map(|(order, m)| {
            let chosen = members
                .iter()
                .filter(|member| {
                    question.is_some_and(|q| {
                        member
                            .responses
                            .chosen(q.id())
                            .iter()
                            .any(|o| o.as_str() == m.id.as_str())
                    })
                })
                .count() as u32;
            let national = m.national.map(|n| (n.share, n.n));
            (
                Reverse(chosen),
                Reverse(national.map_or(-1, |(s, _)| i32::from(s))),
                order,
                TeamModality {
                    modality: m.id.clone(),
                    members: chosen,
                    national,
                },
            )
        })
        .filter(|(.., t)| t.members > 0)
        .collect();
    crate::sort::by_key(&mut ranked, |(a, b, c, _)| (*a, *b, *c));
    ranked.into_iter().map(|(.., t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::responses::Responses;
    use crate::team::{merge, Member};
    use crate::Shipped;

    fn shipped() -> &'static Instrument {
        Instrument::shipped()
    }

    #[test]
    fn split_uses_every_unit_once() {
        assert_eq!(split(&[0, 0, 0], 300), vec![0, 0, 0]);
        assert_eq!(split(&[1, 2, 1], 4), vec![1, 2, 1]);
        assert_eq!(split(&[1, 1, 1], 100), vec![34, 33, 33]);
        assert_eq!(split(&[0, 1, 0, 2], 300), vec![0, 100, 0, 200]);
        for parts in [[7u32, 0, 13, 1], [1, 1, 1, 97], [90, 5, 3, 2]] {
            let w = split(&parts, 313);
            assert_eq!(w.iter().sum::<u32>(), 313, "{parts:?}");
            for (p, w) in parts.iter().zip(&w) {
                assert_eq!(*p == 0, *w == 0, "no width without people: {parts:?}");
            }
        }
    }

    #[test]
    fn national_bars_show_what_the_report_gives() {
        let bars: Vec<(ItemId, NationalBar)> = shipped()
            .statements()
            .filter_map(|s| s.national.as_ref().map(|n| (s.id.clone(), national_bar(n))))
            .collect();
        assert_eq!(bars.len(), 12, "twelve statements of the 2022 survey");
        for (id, bar) in &bars {
            assert!(bar.n > 0, "{id}");
            let drawn: u32 =
                bar.parts.iter().map(|(_, v)| u32::from(*v)).sum::<u32>() + u32::from(bar.dont_know.unwrap_or(0));
            assert_eq!(drawn, bar.scale, "{id}: the parts fill the bar");
        }
        let complete = bars.iter().filter(|(_, b)| b.complete).count();
        assert_eq!(complete, 4, "four statements have every answer's share");
        // "More than 90% strongly agree or agree": an agree share, the rest not given.
        let agree_only = bars
            .iter()
            .find(|(_, b)| b.parts.first() == Some(&(NationalPart::Agree, 90)))
            .expect("an agree-only figure");
        assert_eq!(
            agree_only.1.parts,
            vec![(NationalPart::Agree, 90), (NationalPart::NotGiven, 10)]
        );
        assert_eq!(agree_only.1.qualifier, Qualifier::MoreThan);
        // 78% agree, 14% somewhat and 6% strongly disagree, 8% don't know: 106%, as published.
        let over = bars.iter().find(|(_, b)| b.scale == 106).expect("the 106% figure");
        assert_eq!(
            over.1.parts,
            vec![
                (NationalPart::Answer(ScaleAnswer::StronglyDisagree), 6),
                (NationalPart::Answer(ScaleAnswer::SomewhatDisagree), 14),
                (NationalPart::Agree, 78)
            ]
        );
        assert_eq!(over.1.dont_know, Some(8));
    }

    #[test]
    fn national_bar_with_agree_and_disagree_sums() {
        let n = NationalStatement {
            n: 90,
            strongly_agree: None,
            somewhat_agree: None,
            somewhat_disagree: None,
            strongly_disagree: None,
            dont_know: None,
            agree: Some(67),
            disagree: Some(25),
            qualifier: Qualifier::About,
            reported: String::new(),
            note: None,
        };
        let bar = national_bar(&n);
        assert_eq!(
            bar.parts,
            vec![
                (NationalPart::Disagree, 25),
                (NationalPart::Agree, 67),
                (NationalPart::NotGiven, 8)
            ]
        );
        assert!(!bar.complete);
        assert_eq!(bar.scale, 100);
    }

    #[test]
    fn bins_cover_the_scale() {
        assert_eq!(bin_range(0), (-100, -81));
        assert_eq!(bin_range(4), (-20, -1));
        assert_eq!(bin_range(5), (0, 19));
        assert_eq!(bin_range(9), (80, 100));
        for b in -100..=100 {
            let (lo, hi) = bin_range(bin_of(b));
            assert!(lo <= b && b <= hi, "{b}");
        }
    }

    fn person(role: &str, domain: &str, answer: Option<ScaleAnswer>) -> Member {
        let i = shipped();
        let mut r = Responses::default();
        r.set_single(ItemId::new("role"), OptionId::new(role));
        if let Some(a) = answer {
            for s in i.statements_in(&DomainId::new(domain)) {
                r.set_statement(s.id.clone(), a);
            }
        }
        Member::from_responses("x", r)
    }

    #[test]
    fn a_divided_domain_shows_both_sides_not_only_the_mean() {
        let i = shipped();
        let domain = i.domains[0].id.as_str().to_owned();
        // Two people at each end: the pooled balance is near 0, the spread is not.
        let team = [
            person("leadership", &domain, Some(ScaleAnswer::StronglyAgree)),
            person("leadership", &domain, Some(ScaleAnswer::StronglyAgree)),
            person("staff", &domain, Some(ScaleAnswer::StronglyDisagree)),
            person("staff", &domain, Some(ScaleAnswer::StronglyDisagree)),
            person("peer", &domain, None),
        ];
        let spreads = domain_spreads(i, &team);
        assert_eq!(spreads.len(), i.domains.len());
        let s = &spreads[0];
        let pooled = merge(i, &team).domains[0].balance;
        // Polarity decides which end each lands on; both ends are held.
        assert_eq!(s.bins[0], 2, "{s:?}");
        assert_eq!(s.bins[BINS - 1], 2, "{s:?}");
        assert_eq!(s.with_balance(), 4);
        assert_eq!(s.no_balance, 1);
        assert_eq!(s.range, Some((-100, 100)));
        assert_eq!(s.stages, [2, 0, 2, 1]);
        assert!(
            pooled.is_some_and(|b| b.abs() < 100),
            "the mean hides the split: {pooled:?}"
        );
        // Other domains: nobody answered.
        assert_eq!(spreads[1].no_balance, 5);
        assert_eq!(spreads[1].stages, [0, 0, 0, 5]);
    }

    #[test]
    fn modalities_count_respondents_most_chosen_first() {
        let i = shipped();
        let q = i
            .find_question(|q| matches!(q, Question::Modalities(_)))
            .unwrap()
            .id()
            .clone();
        let with = |ids: &[&str]| {
            let mut r = Responses::default();
            for id in ids {
                let _ = r.set_multi(q.clone(), OptionId::new(*id), true, None);
            }
            Member::from_responses("x", r)
        };
        let team = [
            with(&["webinars", "individual-ta"]),
            with(&["individual-ta", "toolkits"]),
            with(&["individual-ta"]),
            with(&[]),
        ];
        let got: Vec<(String, u32)> = team_modalities(i, &team)
            .into_iter()
            .map(|m| (m.modality.to_string(), m.members))
            .collect();
        // individual-ta 3; then toolkits (84% nationally) before webinars (62%), 1 each.
        assert_eq!(
            got,
            vec![
                ("individual-ta".to_owned(), 3),
                ("toolkits".to_owned(), 1),
                ("webinars".to_owned(), 1)
            ]
        );
        assert!(team_modalities(i, &[]).is_empty());
    }

    #[test]
    fn team_parts_are_in_scale_order() {
        let c = AnswerCounts {
            strongly_agree: 4,
            somewhat_disagree: 2,
            dont_know: 1,
            unanswered: 3,
            ..Default::default()
        };
        assert_eq!(team_parts(&c), ([0, 2, 0, 4], 1, 3));
    }
}
