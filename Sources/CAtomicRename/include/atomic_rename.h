#ifndef FIXBOOK_ATOMIC_RENAME_H
#define FIXBOOK_ATOMIC_RENAME_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set when the system or file system cannot.
int fixbook_exchange_paths(const char *first, const char *second);

#endif
