<#-- The table of THIRD-PARTY.md: one row per dependency shipped in yrdsim.jar. -->
| artifact | version | licence | name |
| --- | --- | --- | --- |
<#list dependencyMap as e>
<#assign p = e.getKey()/>
| ${p.groupId}:${p.artifactId} | ${p.version} | ${e.getValue()?join(" / ")} | ${p.name} |
</#list>
