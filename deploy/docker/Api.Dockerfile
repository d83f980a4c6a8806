# Tandem Api image. Build from the repository root:
#   docker build -f deploy/docker/Api.Dockerfile -t tandem-api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The web clients are bundled by npm packages during the build.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish Api/Api.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV Urls=http://0.0.0.0:8080 \
    DOTNET_ENVIRONMENT=Production
EXPOSE 8080
ENTRYPOINT ["dotnet", "Tandem.Api.dll"]
