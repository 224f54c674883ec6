"""Local additions to the catalog: a region's and a school's own indicators and rules.

The national catalog (the shipped fixtures) is the platform operator's (学校管理, superuser).
A bureau administrator adds the region's own at `/catalog/region/<code>/` (seen by every
school of the region and below), a school administrator the school's own at
`/catalog/school/<slug>/`; each owner sees the national rows and those above it read-only.
"""
