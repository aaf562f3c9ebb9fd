// Intentionally empty: poppler's private API is C++ and is included by CPopplerCore only.
