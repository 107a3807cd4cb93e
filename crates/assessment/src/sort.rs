//! A small stable sort for the short lists this program orders (a few dozen
//! statements, recommendations or saved assessments; a few hundred at most).
//!
//! The standard library's sorts are fast on large inputs, but each element
//! type they sort brings its own copy of several kilobytes of code into the
//! WebAssembly program; a dozen call sites cost about 45 KB before
//! compression. Insertion sort is a few dozen bytes per type, stable like
//! `slice::sort_by_key`, and quick at these sizes (200 items: well under a
//! millisecond). `tests/properties.rs` checks it against the standard sort.

/// Sorts `v` so that no element comes after one it is `less` than, keeping
/// the order of equal elements.
pub fn by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Sorts `v` by the key `key` gives, keeping the order of equal elements.
pub fn by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(v, |a, b| key(a) < key(b));
}

/// Sorts `v` in ascending order.
pub fn ascending<T: Ord>(v: &mut [T]) {
    by(v, |a, b| a < b);
}
