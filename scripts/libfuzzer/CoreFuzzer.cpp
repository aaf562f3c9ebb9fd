// libFuzzer target for the ingestion entry point: opens the input as a PDF through
// CPopplerCore's C API and reads its first pages with tight per-page bounds, exactly as
// PDFLayout does. Built and run by scripts/libfuzzer/run (not part of the package).
#include "PopplerCore.h"

#include <Error.h>

#include <cstddef>
#include <cstdint>

static void quiet(ErrorCategory, Goffset, const char *) { }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool once = (setErrorCallback(quiet), true);
    (void)once;
    BPStatus status;
    BPDocument *doc = bp_document_open(data, size, nullptr, &status);
    if (!doc) {
        return 0;
    }
    BPLimits limits { 20000, 100000, 2.0, 14400 };
    int pages = bp_document_page_count(doc);
    for (int n = 1; n <= pages && n <= 3; ++n) {
        const char *detail = nullptr;
        if (BPPage *page = bp_page_read(doc, n, limits, &status, &detail)) {
            BPPageInfo info = bp_page_info(page);
            volatile double sink = info.width + info.height;
            for (size_t i = 0; i < info.charCount; ++i) {
                sink = sink + bp_page_chars(page)[i].x0;
            }
            for (size_t i = 0; i < info.segmentCount; ++i) {
                sink = sink + bp_page_segments(page)[i].position;
            }
            (void)sink;
            bp_page_free(page);
        }
    }
    bp_document_close(doc);
    return 0;
}
