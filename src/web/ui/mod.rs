//! HTML building blocks: the page frame and form components. Areas render their own views with
//! these; maud escapes every value, and no user data is ever inserted as raw HTML.

pub mod charts;
pub mod facts;
pub mod form;
pub mod icons;
pub mod layout;
pub mod menu;
pub mod nav;
pub mod net_runs;
pub mod safe;
pub mod userbar;
