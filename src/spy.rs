//! The reading spy: which block part is being read, shared by the
//! timeline's rows and marks without going through the reader state.
//!
//! Scrolling changes the block being read many times a second; through the
//! state it would re-render the timeline each time. Instead each row and
//! mark subscribes with [`use_read`] for its own event, and a new part
//! re-renders only the few whose answer changes. The timeline panel
//! subscribes with [`ReadingSpy::watch`] to keep the first read event in
//! view.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use dossier_core::analysis::Analysis;
use yew::prelude::*;

use crate::dom;

/// How long the scroll-spy holds still after the last scroll of a jump to
/// a selected event.
pub const HOLD_MS: i32 = 200;

/// The block part being read, shared with the rows and marks of its events:
/// a new part re-renders those few, never the timeline. Equal only to its
/// own clones.
#[derive(Clone, Default)]
pub struct ReadingSpy(Rc<Spy>);

/// An event index and what to tell it.
type Listener = (usize, Callback<bool>);

#[derive(Default)]
struct Spy {
    part: Cell<Option<usize>>,
    /// True while the page scrolls to a selected event: the scroll-spy
    /// leaves the block marked by [`ReadingSpy::jump`] as it is.
    held: Cell<bool>,
    /// Bumped by each hold and release: a timer ends only its own hold.
    hold: Cell<u32>,
    /// Each event's block part.
    parts: Vec<usize>,
    /// Listeners with their event index; a listener's id is its slot,
    /// free slots are reused.
    listeners: RefCell<Vec<Option<Listener>>>,
    free: RefCell<Vec<usize>>,
    /// Told the events of each new part read.
    watcher: RefCell<Option<Callback<Vec<usize>>>>,
}

impl PartialEq for ReadingSpy {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}

impl ReadingSpy {
    pub fn new(analysis: &Analysis) -> Self {
        ReadingSpy(Rc::new(Spy {
            parts: analysis.timeline.iter().map(|e| e.sentence.part).collect(),
            ..Default::default()
        }))
    }

    /// True when event `i` is in the block being read.
    pub fn reads(&self, i: usize) -> bool {
        let part = self.0.part.get();
        part.is_some() && self.0.parts.get(i).copied() == part
    }

    /// The block part now read; tells the events that start or stop being
    /// read, then the watcher the events of the new part.
    pub fn set(&self, part: Option<usize>) {
        let old = self.0.part.replace(part);
        if old == part {
            return;
        }
        let touched = |p: Option<usize>| p.is_some() && (p == old || p == part);
        let calls: Vec<(bool, Callback<bool>)> = self
            .0
            .listeners
            .borrow()
            .iter()
            .flatten()
            .filter(|(i, _)| touched(self.0.parts.get(*i).copied()))
            .map(|(i, cb)| (self.reads(*i), cb.clone()))
            .collect();
        for (on, cb) in calls {
            cb.emit(on);
        }
        let watcher = self.0.watcher.borrow().clone();
        if let (Some(part), Some(cb)) = (part, watcher) {
            let events = (0..self.0.parts.len())
                .filter(|&i| self.0.parts[i] == part)
                .collect();
            cb.emit(events);
        }
    }

    /// `cb` is told the events of each new block read (`None` stops).
    pub fn watch(&self, cb: Option<Callback<Vec<usize>>>) {
        *self.0.watcher.borrow_mut() = cb;
    }

    /// An event of block `part` was selected and the page scrolls to its
    /// sentence: that block is the one read, now, in the same update as the
    /// selection. The scroll-spy then holds still until the scroll is over
    /// (no scroll for [`HOLD_MS`]) or the reader scrolls, so that the scroll
    /// does not re-render the timeline.
    pub fn jump(&self, part: usize) {
        self.set(Some(part));
        self.0.held.set(true);
        self.rearm();
    }

    /// True while the scroll-spy holds still after [`ReadingSpy::jump`].
    pub fn held(&self) -> bool {
        self.0.held.get()
    }

    /// The page scrolled during a hold: the hold lasts until the scroll ends.
    pub fn still_scrolling(&self) {
        if self.held() {
            self.rearm();
        }
    }

    /// The reader scrolls or types: the scroll-spy follows again.
    pub fn release(&self) {
        if self.held() {
            self.0.held.set(false);
            self.0.hold.set(self.0.hold.get().wrapping_add(1));
        }
    }

    fn rearm(&self) {
        let hold = self.0.hold.get().wrapping_add(1);
        self.0.hold.set(hold);
        let spy = self.clone();
        dom::later(HOLD_MS, move || {
            if spy.0.hold.get() == hold {
                spy.0.held.set(false);
            }
        });
    }

    fn listen(&self, i: usize, cb: Callback<bool>) -> usize {
        let mut all = self.0.listeners.borrow_mut();
        match self.0.free.borrow_mut().pop() {
            Some(slot) if slot < all.len() => {
                all[slot] = Some((i, cb));
                slot
            }
            _ => {
                all.push(Some((i, cb)));
                all.len() - 1
            }
        }
    }

    fn forget(&self, id: usize) {
        if let Some(slot) = self.0.listeners.borrow_mut().get_mut(id) {
            *slot = None;
            self.0.free.borrow_mut().push(id);
        }
    }
}

/// Whether event `i` is in the block being read, kept current.
#[hook]
pub fn use_read(spy: &ReadingSpy, i: usize) -> bool {
    let on = use_state_eq(|| spy.reads(i));
    let setter = on.setter();
    use_effect_with((spy.clone(), i), move |(spy, i)| {
        setter.set(spy.reads(*i));
        let id = spy.listen(*i, Callback::from(move |b| setter.set(b)));
        let spy = spy.clone();
        move || spy.forget(id)
    });
    *on
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::analysis::{Event, Precision, Span};

    fn spy(parts: &[usize]) -> ReadingSpy {
        let timeline = parts
            .iter()
            .map(|&part| Event {
                date: dossier_core::Timex::Year(Some(2020)),
                until: None,
                open_ended: false,
                precision: Precision::Year,
                label: String::new(),
                sentence: Span::new(part, 0, 1),
                time: 0,
                entities: Vec::new(),
            })
            .collect();
        ReadingSpy::new(&Analysis {
            timeline,
            ..Analysis::default()
        })
    }

    #[test]
    fn tells_only_the_events_that_change() {
        let s = spy(&[1, 2, 2, 3]);
        let told = Rc::new(RefCell::new(Vec::new()));
        let ids: Vec<usize> = (0..4)
            .map(|i| {
                let told = Rc::clone(&told);
                s.listen(i, Callback::from(move |on| told.borrow_mut().push((i, on))))
            })
            .collect();
        let read = Rc::new(RefCell::new(Vec::new()));
        {
            let read = Rc::clone(&read);
            s.watch(Some(Callback::from(move |v| *read.borrow_mut() = v)));
        }
        s.set(Some(2));
        assert_eq!(*told.borrow(), vec![(1, true), (2, true)]);
        assert_eq!(*read.borrow(), vec![1, 2]);
        assert!(s.reads(1) && s.reads(2) && !s.reads(0));
        told.borrow_mut().clear();
        s.set(Some(2));
        assert!(told.borrow().is_empty(), "the same part tells nobody");
        s.set(Some(3));
        assert_eq!(*told.borrow(), vec![(1, false), (2, false), (3, true)]);
        assert_eq!(*read.borrow(), vec![3]);
        // A forgotten listener is not told; its slot is reused.
        s.forget(ids[3]);
        told.borrow_mut().clear();
        s.set(None);
        assert!(told.borrow().is_empty());
        assert_eq!(s.listen(0, Callback::from(|_| ())), ids[3]);
        assert!(s == s.clone() && s != spy(&[1, 2, 2, 3]));
    }
}
