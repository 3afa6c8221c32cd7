//! GestSup's texts (written with a rich-text editor, so HTML; older ones plain text) turned into
//! the Markdown Gestdesk keeps, through the same converter as HTML mails
//! (`markdown::markdown_from_html`: scripts and every other harmful part dropped, markup
//! characters escaped). Plain text keeps its line breaks. Pictures pasted into a text (inline
//! `data:` images) are not kept in it: a marker says where one was, and they are counted.

/// A text converted, with how many pasted pictures it held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    pub markdown: String,
    pub images: usize,
}

/// The marker left where a pasted picture was.
const IMAGE: &str = "(image)";

/// `html` with each `<img>` whose source is inline data replaced by [`IMAGE`]; and how many.
fn without_pasted_images(html: &str) -> (String, usize) {
    let mut out = String::with_capacity(html.len());
    let mut count = 0;
    let mut rest = html;
    loop {
        let lower = rest.to_ascii_lowercase();
        let Some(at) = lower.find("<img") else {
            out.push_str(rest);
            break;
        };
        let end = lower[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        out.push_str(&rest[..at]);
        if lower[at..end].contains("data:") {
            out.push_str(IMAGE);
            count += 1;
        }
        rest = &rest[end..];
    }
    (out, count)
}

/// Whether `text` holds an HTML entity (`&eacute;`, `&#233;`, `&#xE9;`).
fn has_entity(text: &str) -> bool {
    text.match_indices('&').any(|(at, _)| {
        let rest = &text[at + 1..];
        let end = rest.find(';').unwrap_or(0);
        end > 0
            && end <= 10
            && rest[..end]
                .trim_start_matches('#')
                .chars()
                .all(|c| c.is_ascii_alphanumeric())
    })
}

/// `text` (HTML, or plain text) as Markdown.
pub fn to_markdown(text: &str) -> Converted {
    let has_tags = text.contains('<') && text.contains('>');
    let html = if has_tags {
        text.to_owned()
    } else if has_entity(text) {
        // Text saved with entities but no tags: its lines are its own.
        text.replace('\n', "<br>")
    } else {
        crate::markdown::escape(text).replace('\n', "<br>")
    };
    let (html, images) = without_pasted_images(&html);
    Converted {
        markdown: crate::markdown::markdown_from_html(&html),
        images,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gestsup_html_and_plain_text_become_markdown_without_live_markup() {
        let c = to_markdown("<p>L'imprimante <b>ne répond plus</b>.</p><script>alert(1)</script>");
        assert!(c.markdown.contains("**ne répond plus**"), "{}", c.markdown);
        assert!(!c.markdown.contains("alert"), "{}", c.markdown);
        let plain = to_markdown("line one\nline two 1 < 2 *nor this*");
        assert_eq!(plain.markdown, "line one\nline two 1 \\< 2 \\*nor this\\*");
    }

    #[test]
    fn pasted_pictures_are_counted_and_marked() {
        let c = to_markdown(
            "<p>See <IMG src=\"data:image/png;base64,AAAA\"> and <img src=\"https://x/a.png\"></p>",
        );
        assert_eq!(c.images, 1);
        assert!(c.markdown.contains("(image)"), "{}", c.markdown);
        assert_eq!(to_markdown("").markdown, "");
        assert_eq!(
            to_markdown("C&acirc;ble\nremplac&eacute; & fini").markdown,
            "Câble\nremplacé \\& fini"
        );
    }
}
