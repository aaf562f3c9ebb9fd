#include "CXlsxWriter.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#ifdef __APPLE__
const char *const cxlsx_library = "libxlsxwriter." LXW_SOVERSION ".dylib";
#else
const char *const cxlsx_library = "libxlsxwriter.so." LXW_SOVERSION;
#endif

// Every function Workbook.swift calls, as X(name). The pointers take their types from the
// header (__typeof__), so a wrapper that disagrees with libxlsxwriter's declaration does
// not compile.
#define CXLSX_FUNCTIONS(X) \
    X(workbook_new) X(workbook_set_properties) X(workbook_add_worksheet) X(workbook_add_format) \
    X(workbook_close) X(lxw_strerror) X(format_set_bold) X(format_set_text_wrap) X(format_set_align) \
    X(format_set_border) X(format_set_num_format) X(worksheet_write_string) X(worksheet_write_number) \
    X(worksheet_merge_range) X(worksheet_freeze_panes) X(worksheet_set_column)

struct functions {
#define CXLSX_FIELD(name) __typeof__(&name) name;
    CXLSX_FUNCTIONS(CXLSX_FIELD)
#undef CXLSX_FIELD
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
// Set once, under `lock`, by the first successful cxlsx_load; read by the wrappers only
// after their caller's cxlsx_load returned 0 (which took the lock).
static struct functions f;
static char *loaded;

int cxlsx_load(const char *library, char *error, size_t size) {
    pthread_mutex_lock(&lock);
    int status = 0;
    if (loaded && strcmp(loaded, library) == 0) goto done;
    void *handle = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        snprintf(error, size, "%s", dlerror());
        status = -1;
        goto done;
    }
    struct functions found;
#define CXLSX_RESOLVE(name)                                                                  \
    if (!(found.name = (__typeof__(&name))dlsym(handle, #name))) {                           \
        snprintf(error, size, "%s: no function %s (libxlsxwriter too old?)", library, #name); \
        dlclose(handle);                                                                     \
        status = -1;                                                                         \
        goto done;                                                                           \
    }
    CXLSX_FUNCTIONS(CXLSX_RESOLVE)
#undef CXLSX_RESOLVE
    if (loaded) {
        // Another name of a library already in use: keep the first.
        dlclose(handle);
    } else {
        f = found;
        loaded = strdup(library);
    }
done:
    pthread_mutex_unlock(&lock);
    return status;
}

lxw_workbook *cxlsx_workbook_new(const char *filename) { return f.workbook_new(filename); }
lxw_error cxlsx_workbook_set_properties(lxw_workbook *workbook, lxw_doc_properties *properties) {
    return f.workbook_set_properties(workbook, properties);
}
lxw_worksheet *cxlsx_workbook_add_worksheet(lxw_workbook *workbook, const char *sheetname) {
    return f.workbook_add_worksheet(workbook, sheetname);
}
lxw_format *cxlsx_workbook_add_format(lxw_workbook *workbook) { return f.workbook_add_format(workbook); }
lxw_error cxlsx_workbook_close(lxw_workbook *workbook) { return f.workbook_close(workbook); }
const char *cxlsx_strerror(lxw_error error) { return f.lxw_strerror(error); }
void cxlsx_format_set_bold(lxw_format *format) { f.format_set_bold(format); }
void cxlsx_format_set_text_wrap(lxw_format *format) { f.format_set_text_wrap(format); }
void cxlsx_format_set_align(lxw_format *format, uint8_t alignment) { f.format_set_align(format, alignment); }
void cxlsx_format_set_border(lxw_format *format, uint8_t style) { f.format_set_border(format, style); }
void cxlsx_format_set_num_format(lxw_format *format, const char *num_format) {
    f.format_set_num_format(format, num_format);
}
lxw_error cxlsx_worksheet_write_string(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, const char *string,
                                       lxw_format *format) {
    return f.worksheet_write_string(worksheet, row, col, string, format);
}
lxw_error cxlsx_worksheet_write_number(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, double number,
                                       lxw_format *format) {
    return f.worksheet_write_number(worksheet, row, col, number, format);
}
lxw_error cxlsx_worksheet_merge_range(lxw_worksheet *worksheet, lxw_row_t first_row, lxw_col_t first_col,
                                      lxw_row_t last_row, lxw_col_t last_col, const char *string, lxw_format *format) {
    return f.worksheet_merge_range(worksheet, first_row, first_col, last_row, last_col, string, format);
}
void cxlsx_worksheet_freeze_panes(lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col) {
    f.worksheet_freeze_panes(worksheet, row, col);
}
lxw_error cxlsx_worksheet_set_column(lxw_worksheet *worksheet, lxw_col_t first_col, lxw_col_t last_col, double width,
                                     lxw_format *format) {
    return f.worksheet_set_column(worksheet, first_col, last_col, width, format);
}
