"""Privacy mechanisms shared by platforms and coordinator: accounting, DP-SGD, clipping norms."""
