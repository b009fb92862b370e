//! "You said, we did": what people said at an activity, and what the organisation did
//! about it.

use crate::vocabulary;

vocabulary! {
    /// What the organisation's answer to an input was.
    pub enum ResponseStatus ("response status") {
        Done => ("done", "We did it"),
        WillDo => ("will-do", "We will do it"),
        CannotDo => ("cannot-do", "We could not do it"),
    }
}
