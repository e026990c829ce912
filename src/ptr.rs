//! [`Ptr`]: a shared value that props compare by identity.
//!
//! The article, its analysis and what is derived from them once (the block
//! index, the marks' handlers, the axis) are large and never change in
//! place: a new value is a new allocation. Props holding them as `Ptr`
//! derive `PartialEq`, so a field added later is compared too, and these
//! compare in one pointer test instead of walking the value.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// An `Rc` whose equality is pointer equality.
pub struct Ptr<T: ?Sized>(Rc<T>);

impl<T> Ptr<T> {
    pub fn new(value: T) -> Self {
        Ptr(Rc::new(value))
    }
}

impl<T: ?Sized> Ptr<T> {
    /// The shared value itself.
    pub fn rc(&self) -> &Rc<T> {
        &self.0
    }
}

impl<T: ?Sized> Clone for Ptr<T> {
    fn clone(&self) -> Self {
        Ptr(Rc::clone(&self.0))
    }
}

impl<T: ?Sized> PartialEq for Ptr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Deref for Ptr<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> From<Rc<T>> for Ptr<T> {
    fn from(rc: Rc<T>) -> Self {
        Ptr(rc)
    }
}

impl<T: ?Sized> From<&Rc<T>> for Ptr<T> {
    fn from(rc: &Rc<T>) -> Self {
        Ptr(Rc::clone(rc))
    }
}

impl<T: ?Sized + fmt::Debug> fmt::Debug for Ptr<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::Ptr;
    use std::rc::Rc;

    #[test]
    fn equal_only_to_itself() {
        let a = Ptr::new(vec![1, 2]);
        let b = Ptr::new(vec![1, 2]);
        assert!(a == a.clone());
        assert!(a != b, "equal values, different allocations");
        let rc = Rc::new(3);
        assert!(Ptr::from(&rc) == Ptr::from(Rc::clone(&rc)));
        assert_eq!(*a, vec![1, 2]);
    }
}
