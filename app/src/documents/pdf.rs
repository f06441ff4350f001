//! A small page-layout helper over printpdf: embedded DejaVu Sans (Latin, accented French and
//! Cyrillic in one face, subset into each file), text measured with the font's own advances so
//! money columns right-align, automatic page breaks and "page X of Y" footers. Letter paper for
//! North American contracts, A4 for Russian ones.

use crate::error::ServiceError;
use printpdf::{
    Color, IndirectFontRef, Line, Mm, PdfDocument, PdfDocumentReference, PdfLayerReference, Point,
    Rect, Rgb,
};
use std::io::Cursor;
use time::OffsetDateTime;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Page margins (mm).
pub const MARGIN: f32 = 18.0;
const PT_TO_MM: f32 = 0.352_778;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    Letter,
    A4,
}

impl Paper {
    /// US and Canadian contracts print on Letter, Russian ones on A4.
    pub fn for_currency(currency: &str) -> Paper {
        if currency == "RUB" {
            Paper::A4
        } else {
            Paper::Letter
        }
    }
    fn size(self) -> (f32, f32) {
        match self {
            Paper::Letter => (215.9, 279.4),
            Paper::A4 => (210.0, 297.0),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table column: `x` is its left edge from the left margin; right-aligned text ends at
/// `x + width`.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub x: f32,
    pub width: f32,
    pub align: Align,
}

fn face(bytes: &'static [u8]) -> Result<ttf_parser::Face<'static>, ServiceError> {
    ttf_parser::Face::parse(bytes, 0).map_err(ServiceError::failed("reading the embedded font"))
}

pub(super) fn pdf_error(e: impl std::fmt::Display) -> ServiceError {
    ServiceError::Failed {
        what: "PDF generation",
        cause: e.to_string(),
    }
}

/// A document being drawn, top to bottom; `y` is the distance of the next baseline from the top
/// edge of the current page.
pub struct Pdf {
    doc: PdfDocumentReference,
    fonts: [IndirectFontRef; 2],
    faces: [ttf_parser::Face<'static>; 2],
    paper: Paper,
    pages: Vec<PdfLayerReference>,
    y: f32,
    title: String,
}

impl Pdf {
    pub fn new(title: &str, paper: Paper, created: OffsetDateTime) -> Result<Pdf, ServiceError> {
        let (w, h) = paper.size();
        let (doc, page, layer) = PdfDocument::new(title, Mm(w), Mm(h), "content");
        let doc = doc
            .with_author("Northstar Auto Finance")
            .with_creator("Northstar customer portal")
            .with_creation_date(created)
            .with_mod_date(created)
            .with_metadata_date(created);
        let regular = doc
            .add_external_font(Cursor::new(REGULAR))
            .map_err(pdf_error)?;
        let bold = doc
            .add_external_font(Cursor::new(BOLD))
            .map_err(pdf_error)?;
        let first = doc.get_page(page).get_layer(layer);
        Ok(Pdf {
            doc,
            fonts: [regular, bold],
            faces: [face(REGULAR)?, face(BOLD)?],
            paper,
            pages: vec![first],
            y: MARGIN,
            title: title.to_owned(),
        })
    }

    pub fn content_width(&self) -> f32 {
        self.paper.size().0 - 2.0 * MARGIN
    }

    fn layer(&self) -> &PdfLayerReference {
        self.pages.last().expect("a document has a page")
    }

    fn idx(w: Weight) -> usize {
        match w {
            Weight::Regular => 0,
            Weight::Bold => 1,
        }
    }

    /// The printed width of `text` (mm).
    pub fn width_of(&self, text: &str, size: f32, weight: Weight) -> f32 {
        let face = &self.faces[Self::idx(weight)];
        let units: u32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .unwrap_or(0) as u32
            })
            .sum();
        units as f32 / face.units_per_em() as f32 * size * PT_TO_MM
    }

    /// Characters of `text` the embedded font cannot draw (tests keep this empty for every
    /// catalogue string that reaches a PDF).
    pub fn missing_glyphs(text: &str) -> Vec<char> {
        let Ok(regular) = face(REGULAR) else {
            return text.chars().collect();
        };
        let Ok(bold) = face(BOLD) else {
            return text.chars().collect();
        };
        text.chars()
            .filter(|c| !c.is_control())
            .filter(|c| regular.glyph_index(*c).is_none() || bold.glyph_index(*c).is_none())
            .collect()
    }

    /// Draws `text` on the current baseline; `x` is from the left margin (the right edge for
    /// `Align::Right`).
    pub fn text_at(&self, x: f32, text: &str, size: f32, weight: Weight, align: Align) {
        let left = match align {
            Align::Left => x,
            Align::Right => x - self.width_of(text, size, weight),
        };
        let h = self.paper.size().1;
        self.layer().use_text(
            text,
            size,
            Mm(MARGIN + left),
            Mm(h - self.y),
            &self.fonts[Self::idx(weight)],
        );
    }

    /// One line of text at the left margin, then moves down by its line height.
    pub fn line(&mut self, text: &str, size: f32, weight: Weight) {
        self.ensure(line_height(size));
        self.text_at(0.0, text, size, weight, Align::Left);
        self.advance(line_height(size));
    }

    /// Wrapped paragraph at the left margin.
    pub fn paragraph(&mut self, text: &str, size: f32, weight: Weight) {
        for l in self.wrap(text, self.content_width(), size, weight) {
            self.line(&l, size, weight);
        }
    }

    pub fn advance(&mut self, mm: f32) {
        self.y += mm;
    }

    /// Starts a new page unless `mm` more fit above the footer; true when it did.
    pub fn ensure(&mut self, mm: f32) -> bool {
        let bottom = self.paper.size().1 - MARGIN - 8.0;
        if self.y + mm <= bottom {
            return false;
        }
        let (w, h) = self.paper.size();
        let (page, layer) = self.doc.add_page(Mm(w), Mm(h), "content");
        self.pages.push(self.doc.get_page(page).get_layer(layer));
        self.y = MARGIN;
        true
    }

    /// A thin horizontal rule just below the current baseline, across the content width.
    pub fn rule(&self) {
        let h = self.paper.size().1;
        let y = Mm(h - self.y - 1.6);
        let layer = self.layer();
        layer.set_outline_color(Color::Rgb(Rgb::new(0.55, 0.6, 0.66, None)));
        layer.set_outline_thickness(0.5);
        layer.add_line(Line {
            points: vec![
                (Point::new(Mm(MARGIN), y), false),
                (Point::new(Mm(MARGIN + self.content_width()), y), false),
            ],
            is_closed: false,
        });
    }

    /// A pale band behind the next `height` mm whose first line is set in `first_size` points
    /// (table headers, the amount-due box).
    pub fn band(&self, first_size: f32, height: f32) {
        let h = self.paper.size().1;
        let top = h - self.y + first_size * PT_TO_MM * 1.1;
        let layer = self.layer();
        layer.set_fill_color(Color::Rgb(Rgb::new(0.91, 0.94, 0.97, None)));
        layer.add_rect(Rect::new(
            Mm(MARGIN - 1.5),
            Mm(top - height),
            Mm(MARGIN + self.content_width() + 1.5),
            Mm(top),
        ));
        layer.set_fill_color(Color::Rgb(Rgb::new(0.0, 0.0, 0.0, None)));
    }

    /// One table row: each cell in its column, long cells cut with an ellipsis.
    /// A table row: each cell wraps within its column (a word too long for it is cut with an
    /// ellipsis), and the row is as tall as its tallest cell. Nothing is dropped.
    pub fn row(&mut self, columns: &[Column], cells: &[String], size: f32, weight: Weight) {
        let wrapped = self.cell_lines(columns, cells, size, weight);
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
        self.ensure(line_height(size) * lines as f32);
        for i in 0..lines {
            for (c, cell) in columns.iter().zip(&wrapped) {
                let Some(text) = cell.get(i) else { continue };
                let x = match c.align {
                    Align::Left => c.x,
                    Align::Right => c.x + c.width,
                };
                self.text_at(x, text, size, weight, c.align);
            }
            self.advance(line_height(size));
        }
    }

    /// How tall `row` will draw these cells, so a caller can break the page (and repeat a header)
    /// before it.
    pub fn row_height(
        &self,
        columns: &[Column],
        cells: &[String],
        size: f32,
        weight: Weight,
    ) -> f32 {
        let lines = self
            .cell_lines(columns, cells, size, weight)
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0)
            .max(1);
        line_height(size) * lines as f32
    }

    fn cell_lines(
        &self,
        columns: &[Column],
        cells: &[String],
        size: f32,
        weight: Weight,
    ) -> Vec<Vec<String>> {
        columns
            .iter()
            .zip(cells)
            .map(|(c, text)| {
                self.wrap(text, c.width - 1.5, size, weight)
                    .iter()
                    .map(|line| self.fit(line, c.width - 1.5, size, weight))
                    .collect()
            })
            .collect()
    }

    fn fit(&self, text: &str, width: f32, size: f32, weight: Weight) -> String {
        if self.width_of(text, size, weight) <= width {
            return text.to_string();
        }
        let mut out = String::new();
        for c in text.chars() {
            let candidate = format!("{out}{c}…");
            if self.width_of(&candidate, size, weight) > width {
                break;
            }
            out.push(c);
        }
        format!("{}…", out.trim_end())
    }

    /// Splits `text` into lines no wider than `width` (at spaces; a single over-long word is
    /// left whole).
    pub fn wrap(&self, text: &str, width: f32, size: f32, weight: Weight) -> Vec<String> {
        let mut lines = Vec::new();
        let mut current = String::new();
        for word in text.split(' ') {
            let candidate = if current.is_empty() {
                word.to_string()
            } else {
                format!("{current} {word}")
            };
            if !current.is_empty() && self.width_of(&candidate, size, weight) > width {
                lines.push(std::mem::take(&mut current));
                current = word.to_string();
            } else {
                current = candidate;
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        lines
    }

    /// Writes `footer(page, pages)` at the bottom of every page and returns the file.
    pub fn finish(self, footer: impl Fn(usize, usize) -> String) -> Result<Vec<u8>, ServiceError> {
        let pages = self.pages.len();
        let h = self.paper.size().1;
        for (i, layer) in self.pages.iter().enumerate() {
            layer.use_text(
                footer(i + 1, pages),
                7.5,
                Mm(MARGIN),
                Mm(h - (h - MARGIN + 4.0)),
                &self.fonts[0],
            );
        }
        let bytes = self.doc.save_to_bytes().map_err(pdf_error)?;
        super::pdf_info::with_text_string_title(&bytes, &self.title)
    }
}

/// Line height for a font size (pt → mm, with leading).
pub fn line_height(size: f32) -> f32 {
    size * PT_TO_MM * 1.5
}

#[cfg(test)]
#[path = "pdf_tests.rs"]
mod tests;
