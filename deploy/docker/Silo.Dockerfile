# Tandem Silo image. Build from the repository root:
#   docker build -f deploy/docker/Silo.Dockerfile -t tandem-silo .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish Silo/Silo.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV Urls=http://0.0.0.0:8080 \
    DOTNET_ENVIRONMENT=Production \
    Tandem__Cluster__AdvertisedIp=auto
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "Tandem.Silo.dll"]
