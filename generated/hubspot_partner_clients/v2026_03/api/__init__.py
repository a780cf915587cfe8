"""The function layer under the resource client: a package per tag, a module per operation."""
