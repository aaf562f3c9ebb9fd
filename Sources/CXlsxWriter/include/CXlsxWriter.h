#ifndef CXLSXWRITER_H
#define CXLSXWRITER_H

// libxlsxwriter, loaded when the first workbook is written rather than linked.
//
// Why: linking libxlsxwriter makes every run of budgetpdf load it, and with it libminizip
// and OpenSSL's libcrypto, at start-up (~1.5 ms of CPU), while only `--format xlsx` uses
// it. So the library's own header still gives the types (and LXW_SOVERSION, so header and
// library agree wherever the package is built), and the few functions Workbook.swift calls
// are resolved with dlopen/dlsym by cxlsx_load. Only Workbook.swift sees this module.

#include <stddef.h>
#include <xlsxwriter.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The file name of the shared library matching <xlsxwriter.h> ("libxlsxwriter.so.4").
extern const char *const cxlsx_library;

/// Loads `library` and resolves every function below from it. Returns 0 when they can be
/// called; else -1, with the loader's reason (file not found, symbol missing) in `error`,
/// and nothing changed. Thread-safe; the library of the first success stays loaded, and a
/// later call naming the same library returns at once.
int cxlsx_load(const char *library, char *error, size_t size);

// libxlsxwriter's functions of the same name without `cxlsx_`; callable once cxlsx_load
// has succeeded.
lxw_workbook *cxlsx_workbook_new(const char *filename);
lxw_error cxlsx_workbook_set_properties(lxw_workbook *workbook, lxw_doc_properties *properties);
lxw_worksheet *cxlsx_workbook_add_worksheet(lxw_workbook *workbook, const char *sheetname);
lxw_format *cxlsx_workbook_add_format(lxw_workbook *workbook);
lxw_error cxlsx_workbook_close(lxw_workbook *workbook);
const char *cxlsx_strerror(lxw_error error);
void cxlsx_format_set_bold(lxw_format *format);
void cxlsx_format_set_text_wrap(lxw_format *format);
void cxlsx_format_set_align(lxw_format *format, uint8_t alignment);
void cxlsx_format_set_border(lxw_format *format, uint8_t style);
void cxlsx_format_set_num_format(lxw_format *format, const char *num_format);
lxw_error cxlsx_worksheet_write_string(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, const char *string,
                                       lxw_format *format);
lxw_error cxlsx_worksheet_write_number(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, double number,
                                       lxw_format *format);
lxw_error cxlsx_worksheet_merge_range(lxw_worksheet *worksheet, lxw_row_t first_row, lxw_col_t first_col,
                                      lxw_row_t last_row, lxw_col_t last_col, const char *string, lxw_format *format);
void cxlsx_worksheet_freeze_panes(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col);
lxw_error cxlsx_worksheet_set_column(lxw_worksheet *worksheet, lxw_col_t first_col, lxw_col_t last_col, double width,
                                     lxw_format *format);

#ifdef __cplusplus
}
#endif

#endif
