//! The pay form (to be written next).
