//! Messages of the skill commands and the skill import.
