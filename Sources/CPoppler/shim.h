#ifndef BUDGETPDF_CPOPPLER_SHIM_H
#define BUDGETPDF_CPOPPLER_SHIM_H
#include <poppler.h>
#include <cairo.h>
#include <gio/gio.h>
#endif
