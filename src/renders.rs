//! Render counts, for the component tests that check memoisation (a change
//! that concerns no row renders none). Counted in debug builds only, which
//! the tests use; a release build has no counter and the calls compile to
//! nothing.

#[cfg(debug_assertions)]
thread_local! {
    static ENTITY_ROWS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// An entity row rendered.
#[inline]
pub fn entity_row() {
    #[cfg(debug_assertions)]
    ENTITY_ROWS.with(|n| n.set(n.get() + 1));
}

/// How many times entity rows have been rendered so far in this page
/// (always 0 in a release build).
pub fn entity_rows() -> u64 {
    #[cfg(debug_assertions)]
    return ENTITY_ROWS.with(std::cell::Cell::get);
    #[cfg(not(debug_assertions))]
    0
}
