//! The finished PDF's Info dictionary, put right after printpdf has written it.

use crate::error::ServiceError;

/// The Info dictionary's title as a PDF text string: UTF-16BE with its byte-order mark (PDF 32000
/// 7.9.2.2), so "Relevé mensuel" and Cyrillic titles read right in every viewer. printpdf 0.7
/// writes the UTF-8 bytes as they are, which viewers read as PDFDocEncoding ("RelevÃ©").
pub(super) fn with_text_string_title(bytes: &[u8], title: &str) -> Result<Vec<u8>, ServiceError> {
    use lopdf::{Object, StringFormat};
    let mut doc = lopdf::Document::load_mem(bytes)
        .map_err(ServiceError::failed("reading back the drawn PDF"))?;
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(ServiceError::failed("reading back the drawn PDF"))?;
    let mut utf16 = vec![0xFE, 0xFF];
    utf16.extend(title.encode_utf16().flat_map(u16::to_be_bytes));
    doc.get_object_mut(info)
        .and_then(Object::as_dict_mut)
        .map_err(ServiceError::failed("reading back the drawn PDF"))?
        .set("Title", Object::String(utf16, StringFormat::Hexadecimal));
    let mut out = Vec::with_capacity(bytes.len());
    doc.save_to(&mut out)
        .map_err(ServiceError::failed("reading back the drawn PDF"))?;
    Ok(out)
}
