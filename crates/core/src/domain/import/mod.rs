//! Moving in from GestSup: its rows read by column name ([`row`]), its HTML texts turned into
//! Markdown ([`html`]), written into Gestdesk in one transaction ([`gestsup`]).

pub mod gestsup;
pub mod html;
pub mod row;
