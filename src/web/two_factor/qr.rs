//! The set-up's QR code, drawn by the server as an SVG path (one square per dark module), and
//! the recovery codes as the page shows them once.

use maud::{Markup, html};
use qrcode::{Color, EcLevel, QrCode};

use crate::i18n::Lang;

/// The QR code of `text` as inline SVG, or nothing when it does not fit in a QR code.
pub fn svg(lang: Lang, text: &str) -> Markup {
    let Ok(code) = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M) else {
        return html! {};
    };
    let width = code.width();
    // A quiet zone of four modules on each side, as readers expect.
    let size = width + 8;
    let mut path = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (i % width + 4, i / width + 4);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    html! {
        svg.qr-code xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {size} {size}"))
            width="220" height="220" role="img" aria-label=(lang.t("two-factor-qr-label"))
            shape-rendering="crispEdges" {
            rect width=(size) height=(size) fill="#fff" {}
            path d=(path) fill="#000" {}
        }
    }
}

/// The recovery codes just made, with what to do with them.
pub fn recovery_codes(lang: Lang, codes: &[String]) -> Markup {
    html! {
        section.panel #recovery-codes {
            h2 { (lang.t("two-factor-codes-title")) }
            p { (lang.t("two-factor-codes-help")) }
            ul.recovery-codes {
                @for c in codes { li { code { (c) } } }
            }
        }
    }
}
