"""Đào tạo, bồi dưỡng và tiêu chuẩn chức danh."""
