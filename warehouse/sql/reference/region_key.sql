SELECT region_key FROM dim_region WHERE region_code = @RegionCode
