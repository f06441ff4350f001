//! The payment sources page (to be written next).
