#ifndef BUDGETPDF_CSQLITE_SHIM_H
#define BUDGETPDF_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
