//! One file per page or family of pages: the page struct, its handler and its tests.

pub mod check;
pub mod guides;
pub mod health;
pub mod home;
pub mod not_found;
pub mod plans;
pub mod search;
