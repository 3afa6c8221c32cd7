//! Moving in from GestSup: its rows read by column name ([`row`]), its HTML texts turned into
//! Markdown ([`html`]).

pub mod html;
pub mod row;
