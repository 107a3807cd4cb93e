//! The list of record versions: an older copy of an encrypted record, or a
//! deleted one put back, is told apart from the latest.

use hr_assessment::versions::{Verdict, Versions, MAX_ENTRIES};

#[test]
fn the_latest_copy_is_current_and_an_older_one_is_not() {
    let mut v = Versions::default();
    v.saved("a", 10);
    assert_eq!(v.verdict("a", 10), Verdict::Current);
    assert_eq!(v.verdict("a", 9), Verdict::Older { latest: 10 });
    assert_eq!(
        v.verdict("a", 0),
        Verdict::Older { latest: 10 },
        "a copy from before revisions"
    );
    // Newer than the list: saved by a tab that closed before writing it.
    assert_eq!(v.verdict("a", 11), Verdict::Current);
    // Not in the list at all: a record sealed before the list existed.
    assert_eq!(v.verdict("b", 0), Verdict::Current);
    // Saving an older revision never lowers the list.
    v.saved("a", 4);
    assert_eq!(v.verdict("a", 9), Verdict::Older { latest: 10 });
}

#[test]
fn a_deleted_assessment_put_back_is_refused() {
    let mut v = Versions::default();
    v.saved("a", 10);
    v.delete("a");
    assert_eq!(v.verdict("a", 10), Verdict::Deleted);
    assert_eq!(v.verdict("a", 3), Verdict::Deleted);
    assert!(v.latest.get("a").is_none());
    // Deleting what the list never saw changes nothing.
    v.delete("zzz");
    assert!(v.deleted.get("zzz").is_none());
}

#[test]
fn the_next_revision_is_above_everything_seen_and_follows_the_clock() {
    let mut v = Versions::default();
    assert_eq!(v.next("a", 1_000), 1_000);
    v.saved("a", 5_000);
    // The clock went back: still above what was seen.
    assert_eq!(v.next("a", 1_000), 5_001);
    assert_eq!(v.next("a", 9_000), 9_000);
    v.delete("a");
    assert_eq!(v.next("a", 0), 5_001, "above the deleted revision too");
    assert_eq!(v.next("fresh", 0), 1, "never 0, which means 'before revisions'");
}

#[test]
fn two_tabs_lists_merge_highest_revision_first_and_deletions_stay() {
    let mut mine = Versions::default();
    mine.saved("a", 10);
    mine.saved("b", 20);
    let mut theirs = Versions::default();
    theirs.saved("a", 15);
    theirs.saved("b", 20);
    theirs.delete("b");
    theirs.saved("c", 7);
    mine.merge(&theirs);
    assert_eq!(mine.verdict("a", 14), Verdict::Older { latest: 15 });
    assert_eq!(mine.verdict("b", 20), Verdict::Deleted);
    assert!(mine.latest.get("b").is_none());
    assert_eq!(mine.verdict("c", 7), Verdict::Current);
    assert_eq!(mine.verdict("c", 6), Verdict::Older { latest: 7 });
    // Merging is idempotent and order does not matter for the verdicts.
    let once = mine.clone();
    mine.merge(&theirs);
    assert_eq!(mine, once);
    let mut other_way = theirs.clone();
    other_way.merge(&once);
    for (id, rev) in [("a", 14), ("a", 15), ("b", 20), ("c", 6), ("c", 7)] {
        assert_eq!(other_way.verdict(id, rev), once.verdict(id, rev), "{id} {rev}");
    }
}

#[test]
fn a_deleted_id_saved_again_later_is_live() {
    let mut v = Versions::default();
    v.saved("a", 10);
    v.delete("a");
    v.saved("a", 11);
    assert_eq!(v.verdict("a", 11), Verdict::Current);
    assert_eq!(v.verdict("a", 10), Verdict::Older { latest: 11 });
}

#[test]
fn the_list_reads_back_and_refuses_what_is_not_one() {
    let mut v = Versions::default();
    v.saved("a", 10);
    v.saved("b", 3);
    v.delete("b");
    assert_eq!(Versions::from_json(&v.to_json()), Some(v));
    assert_eq!(Versions::from_json("{"), None);
    assert_eq!(Versions::from_json(r#"{"latest":{"a":-1}}"#), None);
    assert_eq!(Versions::from_json(r#"{"latest":{},"extra":1}"#), None);
    let huge: String = (0..=MAX_ENTRIES)
        .map(|i| format!("\"{i}\":1"))
        .collect::<Vec<_>>()
        .join(",");
    assert_eq!(
        Versions::from_json(&format!(r#"{{"latest":{{{huge}}}}}"#)),
        None,
        "too long"
    );
}

#[test]
fn the_oldest_deletions_are_forgotten_first_when_the_list_is_full() {
    let mut v = Versions::default();
    for i in 0..MAX_ENTRIES as u64 + 5 {
        let id = format!("r{i}");
        v.saved(&id, i + 1);
        v.delete(&id);
    }
    assert!(v.deleted.len() <= MAX_ENTRIES);
    assert_eq!(
        v.verdict("r0", 1),
        Verdict::Current,
        "the oldest deletion was forgotten"
    );
    let last = format!("r{}", MAX_ENTRIES as u64 + 4);
    assert_eq!(v.verdict(&last, 1), Verdict::Deleted);
}

#[test]
fn the_list_is_sealed_bound_to_its_own_key() {
    let a = Versions::associated_data("hr-readiness:versions", 1);
    assert_ne!(a, Versions::associated_data("hr-readiness:assessment:x", 1));
    assert_ne!(
        a,
        hr_assessment::SealedRecord::associated_data("hr-readiness:versions", 1, 0)
    );
}
