// placeholder: replaced by the dtype table implementation
