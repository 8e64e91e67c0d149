//! Messages of the training and subsidy commands and the enrollment import.
